/**
 * Sample data: a VA in São Paulo with clients in Sydney, London and New York, for a newcomer to see a
 * living workspace at once.
 */
@NullMarked
package app.clientdesk.demo;

import org.jspecify.annotations.NullMarked;
