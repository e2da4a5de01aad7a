package dev.verge.edge.store;

import dev.verge.edge.manifest.ManifestParser;
import dev.verge.edge.manifest.Variable;

/** Whether a manifest's text declares a secret variable, so the store knows to seal it. */
final class SecretVariables {
    private SecretVariables() {}

    /** True when it has a secret variable, or cannot be parsed (then nobody can say it has none). */
    static boolean present(String manifest) {
        try {
            return ManifestParser.parse(manifest).variables().stream().anyMatch(Variable::secret);
        } catch (RuntimeException e) {
            return true;
        }
    }
}
