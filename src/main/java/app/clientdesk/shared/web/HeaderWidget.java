package app.clientdesk.shared.web;

import gg.jte.Content;

/**
 * A small part of the page header that another module fills (say, the running timer), so that the layout
 * need not know that module. Every widget is rendered inline on each signed-in page, after the main
 * navigation; it decides itself whom it shows anything to (nothing is an empty {@link Content}).
 */
public interface HeaderWidget {

    /** The widget's HTML for {@code viewer} on the page described by {@code ui}. */
    Content render(Viewer viewer, Ui ui);

    /** True for a strip below the header, across the page, rather than an item inside it. */
    default boolean banner() {
        return false;
    }

    /** True for an item at the header's end, beside the language switch and the person's menu (such as the bell). */
    default boolean atEnd() {
        return false;
    }
}
