using Bot.Slack.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bot.Slack;

public static class SlackEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps Slack's request URLs under <paramref name="prefix"/>: <c>{prefix}/commands</c> (slash
    /// commands), <c>{prefix}/interactivity</c> (buttons) and <c>{prefix}/events</c> (Events API).
    /// Every one checks Slack's signature before it reads anything.
    /// </summary>
    public static RouteGroupBuilder MapSlack(this IEndpointRouteBuilder endpoints, string prefix = "/slack")
    {
        var group = endpoints.MapGroup(prefix);
        group.MapPost("/commands", (HttpContext context, SlackEndpoints slack) => slack.CommandsAsync(context));
        group.MapPost("/interactivity",
            (HttpContext context, SlackEndpoints slack) => slack.InteractivityAsync(context));
        group.MapPost("/events", (HttpContext context, SlackEndpoints slack) => slack.EventsAsync(context));
        return group;
    }
}
