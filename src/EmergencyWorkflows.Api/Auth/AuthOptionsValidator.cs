using System.Text;
using Microsoft.Extensions.Options;

namespace EmergencyWorkflows.Api.Auth;

/// <summary>Refuses to start with an <c>Auth</c> section that cannot work, saying what is wrong.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    private const int MinimumKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var jwt = options.Jwt;
        if (string.IsNullOrWhiteSpace(jwt.Authority))
        {
            if (string.IsNullOrEmpty(jwt.SigningKey) || Encoding.UTF8.GetByteCount(jwt.SigningKey) < MinimumKeyBytes)
            {
                errors.Add($"Auth:Jwt:SigningKey must be at least {MinimumKeyBytes} bytes when no Auth:Jwt:Authority is set.");
            }

            if (string.IsNullOrWhiteSpace(jwt.Issuer) || string.IsNullOrWhiteSpace(jwt.Audience))
            {
                errors.Add("Auth:Jwt:Issuer and Auth:Jwt:Audience must be set.");
            }
        }

        if (jwt.AccessTokenLifetime <= TimeSpan.Zero)
        {
            errors.Add("Auth:Jwt:AccessTokenLifetime must be positive.");
        }

        if (options.Cookie.IdleTimeout <= TimeSpan.Zero)
        {
            errors.Add("Auth:Cookie:IdleTimeout must be positive.");
        }

        for (var i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            var where = $"Auth:Users:{i}";
            if (string.IsNullOrWhiteSpace(user.UserName))
            {
                errors.Add($"{where}:UserName is missing.");
            }

            if (string.IsNullOrEmpty(user.Password) && string.IsNullOrEmpty(user.PasswordHash))
            {
                errors.Add($"{where} needs a Password or a PasswordHash.");
            }

            errors.AddRange(user.Roles.Where(r => AuthRoles.Normalize(r) is null)
                .Select(r => $"{where}:Roles has '{r}', which is not one of {string.Join(", ", AuthRoles.All)}."));
        }

        errors.AddRange(options.Users.Where(u => !string.IsNullOrWhiteSpace(u.UserName))
            .GroupBy(u => u.UserName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"Auth:Users has the user name '{g.Key}' more than once."));

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
