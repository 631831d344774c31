package dev.pylayer.resolve.engine;

/**
 * A requirement together with the candidate whose dependency it is; {@code parent} is {@code null} for
 * the user's own (root) requirements.
 */
public record RequirementInformation<R, C>(R requirement, C parent) {
}
