using Microsoft.Extensions.Options;

namespace Bot.Registry.Endpoints;

/// <summary>Refuses start-up on a registry list the bot could not use safely.</summary>
public sealed class RegistryOptionsValidator : IValidateOptions<RegistryOptions>
{
    public ValidateOptionsResult Validate(string? name, RegistryOptions options)
    {
        var problems = new List<string>();
        foreach (var endpoint in options.Registries)
        {
            if (string.IsNullOrWhiteSpace(endpoint.Name))
                problems.Add("a registry has no Name");

            // BaseUri is printed in evidence, so credentials must live in Username/Password only.
            var uri = endpoint.BaseUri;
            if (uri is not { IsAbsoluteUri: true }
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                problems.Add($"registry '{endpoint.Name}': BaseUri must be an absolute http(s) URI");
            else if (!string.IsNullOrEmpty(uri.UserInfo))
                problems.Add($"registry '{endpoint.Name}': put credentials in Username/Password, not in BaseUri");
        }

        var duplicates = options.Registries
            .GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1);
        problems.AddRange(duplicates.Select(g => $"registry '{g.Key}' is listed more than once"));

        if (options.BlobCheckConcurrency is < 1 or > 64)
            problems.Add("BlobCheckConcurrency must be between 1 and 64");
        if (options.SmallBlobBytes < 0)
            problems.Add("SmallBlobBytes must not be negative");
        if (options.MaxManifestBytes < 1024)
            problems.Add("MaxManifestBytes must be at least 1024");
        if (options.RequestTimeout <= TimeSpan.Zero)
            problems.Add("RequestTimeout must be positive");

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
