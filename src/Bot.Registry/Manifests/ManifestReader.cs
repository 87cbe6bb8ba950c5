using System.Net;
using Bot.Core.Investigations;
using Bot.Core.Targets;
using Bot.Registry.Endpoints;
using Bot.Registry.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Registry.Manifests;

/// <summary>
/// GETs a manifest with the full Accept list, reads at most <see cref="RegistryOptions.MaxManifestBytes"/>,
/// checks its digest and shape, and sorts every failure into a registry problem.
/// </summary>
public sealed class ManifestReader(
    IHttpClientFactory clients, IOptions<RegistryOptions> options, TimeProvider time, ILogger<ManifestReader> logger)
{
    public async Task<ManifestInspection> InspectAsync(
        RegistryEndpoint endpoint, ImageReference reference, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = RegistryHttp.NewRequest(
            HttpMethod.Get, endpoint, $"v2/{reference.Repository}/manifests/{reference.Reference}");
        foreach (var mediaType in MediaTypes.Accepted)
            request.Headers.Accept.ParseAdd(mediaType);
        var shown = $"GET {RegistryHttp.Show(request.RequestUri!)}";

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.RequestTimeout);
        ManifestInspection inspection;
        try
        {
            var http = clients.CreateClient(RegistryHttp.ClientName);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            inspection = await ReadAnswerAsync(
                shown, request, response, reference, settings.MaxManifestBytes, timeout.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested &&
                                  RegistryHttp.ClassifyTransport(e, timeout.IsCancellationRequested) is { } failure)
        {
            inspection = ManifestInspection.Failed(shown, failure);
        }

        var outcome = inspection.Manifest is { } m ? $"{m.Kind} {m.Digest}" : inspection.Failure!.Problem;
        RegistryLog.ManifestInspected(logger, endpoint.Name, reference.Repository, reference.Reference, outcome);
        return inspection;
    }

    private async Task<ManifestInspection> ReadAnswerAsync(
        string shown,
        HttpRequestMessage request,
        HttpResponseMessage response,
        ImageReference reference,
        int maxBytes,
        CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength > maxBytes)
            return TooLarge(shown, response.Content.Headers.ContentLength.Value, maxBytes);

        var body = await ReadCappedAsync(response.Content, maxBytes, ct);
        if (body is null)
            return TooLarge(shown, null, maxBytes);

        if (response.StatusCode != HttpStatusCode.OK)
            return ManifestInspection.Failed(shown, ClassifyError(request, response, body));

        var contentType = response.Content.Headers.ContentType?.MediaType ?? "";
        var status = $"200 {(contentType.Length == 0 ? "without Content-Type" : contentType)}";
        if (!MediaTypes.Accepted.Contains(contentType))
            return Failed(RegistryProblems.Garbage, $"{status}, not a manifest type we asked for");

        var header = RegistryHttp.DigestHeader(response);
        var computed = ContentDigest.Of(header ?? reference.Digest ?? "sha256:", body);
        if (header is not null && header != computed)
        {
            return Failed(
                RegistryProblems.DigestMismatch,
                $"{status}, Docker-Content-Digest {header} but the body hashes to {computed}");
        }

        if (reference.Digest is not null && reference.Digest != computed)
        {
            return Failed(
                RegistryProblems.DigestMismatch,
                $"{status}, asked for {reference.Digest} but the body hashes to {computed}");
        }

        if (!ManifestParser.TryParse(body, contentType, out var parsed, out var reason))
            return Failed(RegistryProblems.Garbage, $"{status}, {reason}");

        var served = header ?? $"(absent; computed {computed})";
        var answer = $"{status}, Docker-Content-Digest {served}, {parsed.Blobs.Count} descriptors";
        var manifest = new ManifestDocument(computed, contentType, parsed.Kind, body.Length, parsed.Blobs);
        return ManifestInspection.Found(shown, answer, manifest);

        ManifestInspection Failed(string problem, string why) =>
            ManifestInspection.Failed(shown, new RegistryFailure(problem, why));
    }

    private RegistryFailure ClassifyError(HttpRequestMessage request, HttpResponseMessage response, byte[] body)
    {
        var error = RegistryError.TryParse(body);
        var status = RegistryHttp.StatusText(response.StatusCode);
        var answer = error is null ? $"{status}, {Describe(body)}" : $"{status} {error}";

        switch (response.StatusCode)
        {
            case HttpStatusCode.Unauthorized:
                var note = request.Options.TryGetValue(RegistryHttp.AuthNoteKey, out var n) ? $" ({n})" : "";
                return new RegistryFailure(RegistryProblems.Unauthorized, answer + note);
            case HttpStatusCode.Forbidden:
                return new RegistryFailure(RegistryProblems.Denied, answer);
            case HttpStatusCode.TooManyRequests:
                var retryAfter = RetryAfterOf(response);
                var wait = retryAfter is { } r ? $", Retry-After {(int)Math.Ceiling(r.TotalSeconds)} s" : "";
                return new RegistryFailure(RegistryProblems.TooManyRequests, answer + wait, retryAfter);
            case HttpStatusCode.NotFound when error?.Code == "NAME_UNKNOWN":
                return new RegistryFailure(RegistryProblems.NameUnknown, answer);
            case HttpStatusCode.NotFound when IsAcceptRefusal(error):
                return new RegistryFailure(RegistryProblems.MediaTypeRefused, answer);
            case HttpStatusCode.NotFound:
                return new RegistryFailure(RegistryProblems.ManifestUnknown, answer);
            case HttpStatusCode.InternalServerError when IsEmptyManifestBlob(error):
                return new RegistryFailure(RegistryProblems.ManifestCorrupt, answer);
            default:
                return new RegistryFailure(RegistryProblems.ServerError, answer);
        }
    }

    /// <summary>
    /// 2.8 answers a manifest whose stored bytes are empty with 500 UNKNOWN; the body's detail is
    /// <c>{"Offset":0}</c> and the log says "unexpected end of JSON input" (a JSON decode of nothing).
    /// </summary>
    private static bool IsEmptyManifestBlob(RegistryError? error) =>
        error?.Detail is { } detail &&
        (detail.Contains("unexpected end of JSON input", StringComparison.Ordinal) ||
         detail.Replace(" ", "", StringComparison.Ordinal).Contains("\"Offset\":0", StringComparison.Ordinal));

    /// <summary>2.8's answer when a manifest exists in a type the Accept header left out.</summary>
    private static bool IsAcceptRefusal(RegistryError? error) =>
        error?.Message.Contains("accept header does not support", StringComparison.OrdinalIgnoreCase) == true;

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta;
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static ManifestInspection TooLarge(string shown, long? length, int maxBytes)
    {
        var size = length is { } l ? $"{l} bytes" : "more";
        return ManifestInspection.Failed(shown, new RegistryFailure(
            RegistryProblems.TooLarge, $"a manifest of {size}, past the limit of {maxBytes} bytes; not read on"));
    }

    private static string Describe(byte[] body) =>
        body.Length == 0 ? "empty body" : $"a non-JSON body of {body.Length} bytes";

    /// <summary>Reads up to <paramref name="maxBytes"/>; null as soon as the body goes past it.</summary>
    internal static async Task<byte[]?> ReadCappedAsync(HttpContent content, int maxBytes, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
