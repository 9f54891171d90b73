/// Password rules for professionals handling health data. Length beats composition rules
/// (NIST SP 800-63B): at least 12 characters, not a well-known password, not the e-mail address.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 128  // bcrypt reads at most 72 bytes; longer input is refused, not silently cut

    static let common: Set<String> = [
        "wachtwoord123", "welkom123456", "password1234", "123456789012", "qwertyuiop12",
        "wachtwoord1234", "welkomwelkom", "passwordpassword", "000000000000", "111111111111",
    ]

    /// Returns the catalogue key of the first problem, or nil when the password is acceptable.
    public static func problem(with password: String, email: String) -> String? {
        if password.count < minimumLength { return "error_password_too_short" }
        if password.utf8.count > 72 || password.count > maximumLength { return "error_password_too_long" }
        let lower = password.lowercased()
        if common.contains(lower) || Set(lower).count < 4 { return "error_password_too_common" }
        if !email.isEmpty && lower.contains(email.lowercased().split(separator: "@").first.map(String.init) ?? email) {
            return "error_password_contains_email"
        }
        return nil
    }
}
