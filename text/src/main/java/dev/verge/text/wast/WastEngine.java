package dev.verge.text.wast;

import dev.verge.core.model.WasmModule;
import java.util.List;

/**
 * What the script runner needs from a WebAssembly engine: instantiate a validated module (its
 * imports resolved against the {@code spectest} host module and registered instances), call an
 * export, read a global, register an instance under a module name. One engine serves one script,
 * so registrations never leak between scripts.
 *
 * <p>Kept this small so the runner does not depend on the engine's API shape; the engine's
 * adapter maps its values and errors onto {@link WastValue} and {@link WastEngineException}.
 */
public interface WastEngine {
    /**
     * Whether this engine can run code at all. When false, module commands are checked by
     * decoding and validating only, and every action fails with "engine not available".
     */
    default boolean available() {
        return true;
    }

    /**
     * Instantiates a module that decoded and validated.
     *
     * @param validated what the validator returned for {@code module} (its proof of validity)
     */
    Instance instantiate(byte[] binary, WasmModule module, Object validated) throws WastEngineException;

    /** Makes {@code instance}'s exports importable under module name {@code name}. */
    void register(String name, Instance instance) throws WastEngineException;

    /** A live instance. */
    interface Instance {
        /** Calls an exported function. */
        List<WastValue> invoke(String export, List<WastValue> args) throws WastEngineException;

        /** Reads an exported global. */
        WastValue get(String export) throws WastEngineException;
    }

    /** The engine of a runner built before Verge had one: nothing runs. */
    WastEngine NONE = new WastEngine() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public Instance instantiate(byte[] binary, WasmModule module, Object validated) throws WastEngineException {
            throw new WastEngineException(WastEngineException.Kind.UNSUPPORTED, "engine not available");
        }

        @Override
        public void register(String name, Instance instance) throws WastEngineException {
            throw new WastEngineException(WastEngineException.Kind.UNSUPPORTED, "engine not available");
        }
    };
}
