/**
 * The clients of a VA business: who they are, where and when they work, how they like to be reached,
 * their contacts and which members serve them.
 */
@NullMarked
package app.clientdesk.clients;

import org.jspecify.annotations.NullMarked;
