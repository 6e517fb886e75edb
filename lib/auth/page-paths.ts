// Where a session that is not fully signed in is sent, shared by proxy.ts and the pages.
export const SECOND_FACTOR_PATH = "/sign-in/two-factor";
export const ENROLMENT_PATH = "/setup-two-factor";
/** The page that clears a session cookie whose session is over, then shows sign-in. */
export const SESSION_ENDED_PATH = "/sign-in/session-ended";
/** Set by proxy.ts on every page request: the path and query string asked for. */
export const REQUEST_PATH_HEADER = "x-request-path";
/** Where a staff applicant waits for a decision (and a rejected one reads it, once). */
export const PENDING_APPROVAL_PATH = "/pending-approval";
/** Set when a rejected applicant has read the decision: holds their user id (one browser, once). */
export const STAFF_NOTICE_COOKIE = "opsdeck.staff-notice";
