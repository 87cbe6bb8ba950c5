using Microsoft.Extensions.Options;

namespace Bot.Slack;

/// <summary>
/// Fails start-up with one message naming every missing setting, by its configuration key and
/// its environment variable, and never its value.
/// </summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var missing = new List<string>();
        Require(missing, options.BotToken, nameof(SlackOptions.BotToken));
        Require(missing, options.Channel, nameof(SlackOptions.Channel));
        if (options.UseSocketMode)
            Require(missing, options.AppToken, nameof(SlackOptions.AppToken));
        else
            Require(missing, options.SigningSecret, nameof(SlackOptions.SigningSecret));

        var problems = missing
            .Select(key => $"Slack:{key} is missing (set it in the secret store or as Slack__{key}).")
            .ToList();
        if (!options.ApiBaseUrl.IsAbsoluteUri || !options.ApiBaseUrl.AbsoluteUri.EndsWith('/'))
            problems.Add("Slack:ApiBaseUrl must be an absolute URL ending in '/'.");
        if (options.PostBurst < 1)
            problems.Add("Slack:PostBurst must be at least 1.");

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Require(List<string> missing, string value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
            missing.Add(key);
    }
}
