package dev.pylayer.layer;

import java.util.List;
import java.util.stream.Collectors;

/** A layer that would pass a Lambda size limit, with its largest distributions so the user knows what to cut. */
public final class LayerTooLargeException extends LayerException {
    private final long size;
    private final long limit;
    private final List<DistributionFacts> largest;

    public LayerTooLargeException(String what, long size, long limit, List<DistributionFacts> largest) {
        super("the layer would be " + LayerBudget.megabytes(size) + " " + what + ", over Lambda's limit of "
                        + LayerBudget.megabytes(limit) + " (`" + size + "` > `" + limit + "` bytes); largest: "
                        + largest.stream().map(d -> d.name().display() + " " + LayerBudget.megabytes(d.installedSize()))
                        .collect(Collectors.joining(", ")),
                List.of("leave out what the Lambda runtime already provides (boto3, botocore, …),"
                                + " drop large optional dependencies, or split the requirements over several layers",
                        "a function and all its layers share the 250 MB unzipped limit"));
        this.size = size;
        this.limit = limit;
        this.largest = List.copyOf(largest);
    }

    public long size() {
        return size;
    }

    public long limit() {
        return limit;
    }

    /** The largest distributions, largest first. */
    public List<DistributionFacts> largest() {
        return largest;
    }
}
