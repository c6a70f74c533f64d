package app.clientdesk.demo;

import app.clientdesk.shared.i18n.Languages;
import java.util.Locale;

/**
 * The demo's content in the language it is made in: each text written in both languages side by side, so the
 * demo reads as one workspace in the reader's language (its workflows and templates are seeded in the
 * workspace's language too). Content, not screen texts, so it lives here rather than in the message bundles.
 */
record DemoText(Locale language) {

    DemoText {
        language = Languages.supportedOrDefault(language);
    }

    boolean portuguese() {
        return language.equals(Languages.PORTUGUESE_BRAZIL);
    }

    /** The English text, or its Brazilian Portuguese translation. */
    String t(String english, String portuguese) {
        return portuguese() ? portuguese : english;
    }
}
