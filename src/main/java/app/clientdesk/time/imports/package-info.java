/** Reading the CSV exports of Toggl Track and Clockify (detailed reports): their rows, dates and times. */
@NullMarked
package app.clientdesk.time.imports;

import org.jspecify.annotations.NullMarked;
