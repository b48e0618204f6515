package cn.kehou.plugin.api;

import java.util.EnumSet;
import java.util.List;

/**
 * Where a payment goes: the collecting account, then shares in whole percent that add up to 100.
 * E.g. 000 basic care: platform account, 100% back to the school.
 */
public record FundsRoute(CollectingAccount account, List<Share> shares, String citation) {

    /** Who finally receives money. */
    public enum Recipient {
        SCHOOL, PROVIDER, PLATFORM, TREASURY
    }

    /** One recipient's share, 1–100 percent. */
    public record Share(Recipient recipient, int percent) {
        public Share {
            Require.present(recipient, "recipient");
            if (percent < 1 || percent > 100) {
                throw new IllegalArgumentException("a share is 1–100 percent: " + percent);
            }
        }
    }

    public FundsRoute {
        Require.present(account, "account");
        shares = List.copyOf(Require.noNulls(shares, "shares"));
        Require.text(citation, "citation");
        var seen = EnumSet.noneOf(Recipient.class);
        int total = 0;
        for (Share share : shares) {
            if (!seen.add(share.recipient())) {
                throw new IllegalArgumentException("recipient listed twice: " + share.recipient());
            }
            total += share.percent();
        }
        if (total != 100) {
            throw new IllegalArgumentException("shares add up to " + total + "%, not 100%");
        }
    }

    /** All of it to one recipient. */
    public static FundsRoute whole(CollectingAccount account, Recipient recipient, String citation) {
        return new FundsRoute(account, List.of(new Share(recipient, 100)), citation);
    }

    public int percentFor(Recipient recipient) {
        return shares.stream().filter(s -> s.recipient() == recipient).mapToInt(Share::percent).sum();
    }

    public int schoolSharePercent() {
        return percentFor(Recipient.SCHOOL);
    }
}
