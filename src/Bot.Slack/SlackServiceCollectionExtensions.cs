using Bot.Core.Diagnosis;
using Bot.Core.Investigations;
using Bot.Slack.Approvals;
using Bot.Slack.Clicks;
using Bot.Slack.Inbound;
using Bot.Slack.Interactivity;
using Bot.Slack.LivingMessages;
using Bot.Slack.Signing;
using Bot.Slack.SlashCommands;
using Bot.Slack.SocketMode;
using Bot.Slack.Storage;
using Bot.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Slack adapter from the <c>Slack</c> section (validated at start-up) and
    /// <c>Storage:SqlitePath</c>: the dispatcher and its handlers, the Web API client, the living
    /// message observer (an <see cref="IInvestigationObserver"/>), the click inbox and its worker, the
    /// background work service and, with <c>Slack:UseSocketMode</c>, the Socket Mode service. The host supplies
    /// <see cref="Bot.Core.Triage.ITriageLauncher"/>, <see cref="IInvestigationStore"/> and a
    /// <see cref="Bot.Core.Prompts.PromptCatalog"/> loaded with <see cref="SlackPrompts.Keys"/>.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SlackOptions.SectionName);
        services.AddOptions<SlackOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        var sqlitePath = configuration["Storage:SqlitePath"];
        services.AddSingleton(new SlackDatabase(string.IsNullOrWhiteSpace(sqlitePath) ? "triage.db" : sqlitePath));

        services.AddSingleton<SlackPrompts>();
        services.AddSingleton<SlackSignatureVerifier>();
        services.AddSingleton<SignatureReplayGuard>();
        services.AddSingleton<DeliveryDeduplicator>();
        services.AddSingleton<SlackWorkQueue>();
        services.AddSingleton<SlackDispatcher>();
        services.AddSingleton<SlackEndpoints>();
        services.AddHostedService<SlackWorkService>();
        services.AddSingleton<ClickInbox>();
        services.AddSingleton<LateClickNotice>();
        services.AddHostedService<ClickInboxService>();

        services.AddSingleton<ChannelPacer>();
        services.AddHttpClient(SlackApiClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(ResponseUrlClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<ResponseUrlClient>();
        services.AddSingleton<PrivateResponder>();

        services.AddSingleton<ISlashCommandHandler, TriageCommandHandler>();
        foreach (var kind in Enum.GetValues<FixKind>())
        {
            services.AddSingleton<IBlockActionHandler>(
                sp => ActivatorUtilities.CreateInstance<FixButtonHandler>(sp, kind));
        }

        services.AddSingleton<ApproverPolicy>();
        services.AddSingleton<FixRequestStore>();

        services.AddSingleton<LivingMessageStore>();
        services.AddSingleton<LivingMessageComposer>();
        services.AddSingleton<EvidenceReplyComposer>();
        services.AddSingleton<LivingMessageObserver>();
        services.AddSingleton<IInvestigationObserver>(sp => sp.GetRequiredService<LivingMessageObserver>());

        if (section.GetValue<bool>(nameof(SlackOptions.UseSocketMode)))
            services.AddHostedService<SocketModeService>();

        return services;
    }
}
