package gluelab.lab.ses;

import java.util.Locale;

/** Addresses as a mailbox compares them: {@code "Ops <ops@example.com>"} is {@code ops@example.com}. */
final class MailAddress {

    private MailAddress() {
    }

    static String bare(String written) {
        String address = written.trim();
        int open = address.lastIndexOf('<');
        int close = address.lastIndexOf('>');
        if (open >= 0 && close > open) {
            address = address.substring(open + 1, close);
        }
        return address.trim().toLowerCase(Locale.ROOT);
    }
}
