package gluelab.cloud.services.ses;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;

/** Email addresses as SES reads them: {@code Ana <ana@example.com>} is sent from {@code ana@example.com}. */
final class Addresses {

    private Addresses() {
    }

    /** The bare address in {@code written}, or SES's {@code InvalidParameterValue} for one that is not an address. */
    static String bare(String written) {
        if (written == null || written.isBlank()) {
            throw SesErrors.invalidParameter("Missing required header 'From'.");
        }
        try {
            String address = new InternetAddress(written, true).getAddress();
            if (address == null || address.indexOf('@') < 1) {
                throw SesErrors.invalidParameter("Missing final '@domain'");
            }
            return address;
        } catch (AddressException e) {
            throw SesErrors.invalidParameter("Illegal address: " + written);
        }
    }

    static String domainOf(String bareAddress) {
        return bareAddress.substring(bareAddress.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    static boolean isEmailAddress(String identity) {
        return identity.contains("@");
    }
}
