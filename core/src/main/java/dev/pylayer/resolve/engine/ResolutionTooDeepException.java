package dev.pylayer.resolve.engine;

/** The engine gave up after its round budget (pip's "resolution too deep"). */
public final class ResolutionTooDeepException extends RuntimeException {
    private final int rounds;

    ResolutionTooDeepException(int rounds) {
        super("resolution did not finish within " + rounds + " rounds");
        this.rounds = rounds;
    }

    public int rounds() {
        return rounds;
    }
}
