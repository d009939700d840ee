package dev.kontor.users.internal.workgroup;

import java.util.List;

/**
 * The body of {@code PATCH .../workgroups/{id}}: only the fields sent change. A bean
 * rather than a record because {@code "lead_user_id": null} (no lead any more) must
 * differ from a body without that field (lead unchanged).
 */
public final class WorkgroupChange {

    private String name;
    private List<String> products;
    private List<String> addMemberIds;
    private List<String> removeMemberIds;
    private boolean leadGiven;
    private String leadUserId;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getProducts() {
        return products;
    }

    public void setProducts(List<String> products) {
        this.products = products;
    }

    public List<String> getAddMemberIds() {
        return addMemberIds;
    }

    public void setAddMemberIds(List<String> addMemberIds) {
        this.addMemberIds = addMemberIds;
    }

    public List<String> getRemoveMemberIds() {
        return removeMemberIds;
    }

    public void setRemoveMemberIds(List<String> removeMemberIds) {
        this.removeMemberIds = removeMemberIds;
    }

    public String getLeadUserId() {
        return leadUserId;
    }

    /** Called only when the body has the field, null included. */
    public void setLeadUserId(String leadUserId) {
        this.leadGiven = true;
        this.leadUserId = leadUserId;
    }

    /** Whether the body sets the lead (to a member, or to none with null or ""). */
    public boolean leadGiven() {
        return leadGiven;
    }
}
