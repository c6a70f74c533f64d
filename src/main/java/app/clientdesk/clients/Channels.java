package app.clientdesk.clients;

/**
 * The channel a client prefers for each kind of message: formal requests by email, quick questions by
 * chat, meetings by video, reports by email, unless the client says otherwise.
 */
public record Channels(Channel formalRequest, Channel quickQuestion, Channel meeting, Channel report) {

    public static final Channels DEFAULT = new Channels(Channel.EMAIL, Channel.CHAT, Channel.VIDEO, Channel.EMAIL);
}
