/** Secrets kept at rest: values sealed with the deployment's key (AES-256-GCM), for any module to reuse. */
@NullMarked
package app.clientdesk.shared.security;

import org.jspecify.annotations.NullMarked;
