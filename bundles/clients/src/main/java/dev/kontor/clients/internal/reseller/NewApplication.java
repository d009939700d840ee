package dev.kontor.clients.internal.reseller;

/**
 * {@code POST /api/v1/reseller-applications}: who applies, and how the operator reaches
 * them (C9).
 *
 * @param company the reseller's business name
 * @param contactName the person the operator deals with
 * @param email where the answer goes
 */
public record NewApplication(String company, String contactName, String email, String phone, String website,
        String message) {

    @Override
    public String toString() {
        return "NewApplication[" + company + "]"; // no personal data in logs
    }
}
