package gluelab.cloud.services.secretsmanager;

import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordResponse;

/**
 * GetRandomPassword: a password drawn from a cryptographically strong source, of the length asked (32 by default) and
 * of the character kinds left in (lowercase and uppercase letters, digits, AWS's punctuation, a space if asked), with
 * at least one of each kind unless {@code RequireEachIncludedType} is false.
 */
public final class RandomPasswordOperations {

    static final String LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
    static final String UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String DIGITS = "0123456789";
    static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final SecureRandom random = new SecureRandom();

    public GetRandomPasswordResponse getRandomPassword(RequestContext context, GetRandomPasswordRequest request) {
        long length = request.passwordLength() == null ? 32 : request.passwordLength();
        Validation.of("InvalidParameterException").range("passwordLength", length, 1, 4096)
                .length("excludeCharacters", request.excludeCharacters(), 0, 4096).orThrow();
        String excluded = request.excludeCharacters() == null ? "" : request.excludeCharacters();
        List<String> kinds = new ArrayList<>();
        addKind(kinds, LOWERCASE, request.excludeLowercase(), excluded);
        addKind(kinds, UPPERCASE, request.excludeUppercase(), excluded);
        addKind(kinds, DIGITS, request.excludeNumbers(), excluded);
        addKind(kinds, PUNCTUATION, request.excludePunctuation(), excluded);
        if (Boolean.TRUE.equals(request.includeSpace()) && excluded.indexOf(' ') < 0) {
            kinds.add(" ");
        }
        if (kinds.isEmpty()) {
            throw SecretsManagerErrors.invalidParameter("The password must contain at least one character; every kind "
                    + "of character is excluded.");
        }
        boolean eachKind = request.requireEachIncludedType() == null || request.requireEachIncludedType();
        if (eachKind && length < kinds.size()) {
            throw SecretsManagerErrors.invalidParameter("The password length is too short to include a character of "
                    + "each included type.");
        }
        String all = String.join("", kinds);
        List<Character> password = new ArrayList<>();
        if (eachKind) {
            kinds.forEach(kind -> password.add(kind.charAt(random.nextInt(kind.length()))));
        }
        while (password.size() < length) {
            password.add(all.charAt(random.nextInt(all.length())));
        }
        Collections.shuffle(password, random);
        StringBuilder text = new StringBuilder();
        password.forEach(text::append);
        return GetRandomPasswordResponse.builder().randomPassword(text.toString()).build();
    }

    private static void addKind(List<String> kinds, String characters, Boolean excludedKind, String excluded) {
        if (Boolean.TRUE.equals(excludedKind)) {
            return;
        }
        StringBuilder left = new StringBuilder();
        characters.chars().filter(c -> excluded.indexOf(c) < 0).forEach(c -> left.append((char) c));
        if (left.length() > 0) {
            kinds.add(left.toString());
        }
    }
}
