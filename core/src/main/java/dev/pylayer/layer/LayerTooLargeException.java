package dev.pylayer.layer;

import dev.pylayer.runtime.ByteSize;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A layer that would pass a Lambda size limit, found before it is written, with its largest distributions and
 * folders and what the size options would save, so the user knows what to cut.
 */
public final class LayerTooLargeException extends LayerException {
    private final long size;
    private final long limit;
    private final List<DistributionFacts> largest;

    public LayerTooLargeException(String what, long size, long limit, List<DistributionFacts> largest) {
        super(message(what, size, limit, largest), List.of("leave out what the Lambda runtime already provides"
                        + " (boto3, botocore, …), drop large optional dependencies, or split the requirements over"
                        + " several layers",
                "a function and all its layers share the 250 MB unzipped limit"));
        this.size = size;
        this.limit = limit;
        this.largest = List.copyOf(largest);
    }

    LayerTooLargeException(LayerBudget budget, List<String> savings) {
        super(message(budget.measure() == LayerBudget.Measure.ZIPPED ? "zipped" : "unzipped", budget),
                hints(budget, savings));
        this.size = budget.size();
        this.limit = budget.limit();
        this.largest = budget.largest();
    }

    private static String message(String what, LayerBudget budget) {
        if (budget.measure() == LayerBudget.Measure.ZIPPED) {
            return "the layer would be about " + ByteSize.megabytes(budget.size()) + " zipped, over Lambda's limit of "
                    + ByteSize.megabytes(budget.limit()) + " for a zip uploaded directly (about `" + budget.size()
                    + "` > `" + budget.limit() + "` bytes); largest unzipped: " + named(budget.largest());
        }
        return message(what, budget.size(), budget.limit(), budget.largest());
    }

    private static String message(String what, long size, long limit, List<DistributionFacts> largest) {
        return "the layer would be " + ByteSize.megabytes(size) + " " + what + ", over Lambda's limit of "
                + ByteSize.megabytes(limit) + " (`" + size + "` > `" + limit + "` bytes); largest: " + named(largest);
    }

    private static String named(List<DistributionFacts> largest) {
        return largest.stream().map(d -> d.name().display() + " " + ByteSize.megabytes(d.installedSize()))
                .collect(Collectors.joining(", "));
    }

    private static List<String> hints(LayerBudget budget, List<String> savings) {
        List<String> hints = new ArrayList<>(savings);
        if (!budget.largestFolders().isEmpty()) {
            hints.add("largest folders" + (budget.measure() == LayerBudget.Measure.ZIPPED ? " unzipped: " : ": ")
                    + budget.largestFolders().stream()
                    .map(folder -> folder.path() + " " + ByteSize.human(folder.bytes()))
                    .collect(Collectors.joining(", ")) + "; --exclude GLOB (e.g. `pkg/data/**`) leaves out files the"
                    + " function never loads");
        }
        if (budget.measure() == LayerBudget.Measure.ZIPPED) {
            hints.add("upload through an S3 bucket (--s3-bucket): then the limit is 250 MB unzipped");
        } else {
            hints.add("drop large optional dependencies, or split the requirements over several layers;"
                    + " a function and all its layers share the 250 MB unzipped limit");
        }
        return hints;
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
