package dev.kontor.clients.internal.partner;

import dev.kontor.api.rest.ProblemException;

/** The refusals of partner access that the caller can act on (409 problems). */
final class Refusals {

    private Refusals() {
    }

    static ProblemException operatorNotPartner() {
        return new ProblemException(409, "operator-not-partner", "The operator's organization reaches every client "
                + "already; it cannot ask for partner access. Switch to the organization that acts as the partner.");
    }

    static ProblemException ownOrganization() {
        return new ProblemException(409, "own-organization", "This is the client account of your own organization.");
    }

    static ProblemException accessExists() {
        return new ProblemException(409, "access-exists", "Your organization has access to this client already; "
                + "disconnect first to ask for another scope.");
    }

    static ProblemException requestOpen() {
        return new ProblemException(409, "request-open", "Your organization's earlier request to this client is still "
                + "open; wait for the answer or until it expires.");
    }

    static ProblemException requestAnswered() {
        return new ProblemException(409, "request-answered", "This request has been answered already.");
    }

    static ProblemException requestExpired() {
        return new ProblemException(409, "request-expired", "This request has expired; the partner may ask again.");
    }

    static ProblemException partnerGone() {
        return new ProblemException(409, "partner-gone", "The partner's organization no longer exists.");
    }

    static ProblemException fullAccessRequired() {
        return new ProblemException(409, "full-access-required", "Copies of the client's mails need full access (C8).");
    }

    static ProblemException notRequested() {
        return new ProblemException(409, "not-requested", "This access was not given through a partner request, so there "
                + "is no sender address for copies.");
    }
}
