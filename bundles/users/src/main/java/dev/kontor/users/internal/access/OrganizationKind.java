package dev.kontor.users.internal.access;

/**
 * What an organization is to the panel, which decides what its roles may hold: the
 * operator's holds everything; a reseller's (C9) also what modules declare for
 * resellers; a customer's nothing reserved for the operator.
 */
public enum OrganizationKind {
    OPERATOR, RESELLER, CUSTOMER;

    public static OrganizationKind of(boolean operator, boolean reseller) {
        return operator ? OPERATOR : reseller ? RESELLER : CUSTOMER;
    }
}
