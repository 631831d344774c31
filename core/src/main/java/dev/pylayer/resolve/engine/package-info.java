/**
 * A generic backtracking dependency-resolution engine: a Java port of the algorithm of resolvelib 1.x,
 * the engine inside pip's resolver, so that pylayer picks the same versions pip does. It knows nothing
 * about Python packaging; a {@link dev.pylayer.resolve.engine.ResolutionProvider} supplies identifiers,
 * candidates, dependencies and preferences.
 *
 * <p>The state machine: each round picks the most preferred unsatisfied identifier, tries its candidates
 * in order (newest first, as the provider orders them), and pins the first whose dependencies merge into
 * the criteria without leaving some identifier with no candidates. When no candidate of an identifier
 * works, the engine back-jumps to the most recent pin that contributed to the conflict, marks that pin
 * incompatible and continues. Optimistic back-jumping (resolvelib 1.1) is kept, with its rollback.
 */
package dev.pylayer.resolve.engine;
