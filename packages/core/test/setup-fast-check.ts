/**
 * Property tests run with a fixed seed so CI is reproducible; explore new inputs locally with
 * FC_SEED=<number> (any run's failure report prints its seed and path for replay).
 */
import fc from "fast-check";

const seed = Number(process.env.FC_SEED ?? 20261125);
fc.configureGlobal({ seed });
