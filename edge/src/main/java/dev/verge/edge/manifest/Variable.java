package dev.verge.edge.manifest;

/**
 * A configuration value given to the app. A secret one never appears in logs or in the admin API.
 *
 * @param name the variable's name, as the guest sees it
 * @param value its value
 * @param secret whether to hide it everywhere but from the guest
 */
public record Variable(String name, String value, boolean secret) {
    /** What logs and the admin API may show. */
    public String shownValue() {
        return secret ? "<secret>" : value;
    }

    @Override
    public String toString() {
        return name + "=" + shownValue();
    }
}
