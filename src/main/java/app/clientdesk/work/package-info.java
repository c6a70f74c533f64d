/**
 * The work of a VA business across all its clients: workflows with review and client-approval stages,
 * projects, tasks (checklists, comments, attachments, recurrence), templates, and the views that plan
 * the day (board, my work, Eisenhower matrix, batches, deadline calendar).
 */
@NullMarked
package app.clientdesk.work;

import org.jspecify.annotations.NullMarked;
