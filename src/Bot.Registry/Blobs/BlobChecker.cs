using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Bot.Core.Investigations;
using Bot.Registry.Endpoints;
using Bot.Registry.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Registry.Blobs;

/// <summary>
/// Reads every referenced blob, because HEAD lies under the blob-descriptor cache: a ranged GET
/// of one byte for big blobs, a full GET with byte count and digest for small ones. Runs
/// <see cref="RegistryOptions.BlobCheckConcurrency"/> requests at once and stops early when the
/// registry refuses, throttles or vanishes, since every further request would say the same.
/// </summary>
public sealed class BlobChecker(
    IHttpClientFactory clients, IOptions<RegistryOptions> options, ILogger<BlobChecker> logger)
{
    public Task<BlobCheckReport> CheckAsync(
        RegistryEndpoint endpoint,
        string repository,
        IReadOnlyList<BlobClue> blobs,
        CancellationToken cancellationToken) =>
        CheckAsync(endpoint, repository, blobs, options.Value.BlobCheckConcurrency, cancellationToken);

    /// <param name="concurrency">Requests in flight at once; 1 is the sequential baseline.</param>
    public async Task<BlobCheckReport> CheckAsync(
        RegistryEndpoint endpoint,
        string repository,
        IReadOnlyList<BlobClue> blobs,
        int concurrency,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        var started = Stopwatch.GetTimestamp();
        var http = clients.CreateClient(RegistryHttp.ClientName);
        var outcomes = new ConcurrentDictionary<int, BlobOutcome>();
        Stop? stop = null;

        // The same digest may be referenced twice (config and layer); read it once.
        var distinct = blobs.Select((b, i) => (Blob: b, Index: i)).DistinctBy(x => x.Blob.Digest).ToList();
        using var halt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = halt.Token };
        try
        {
            await Parallel.ForEachAsync(distinct, parallel, async (item, ct) =>
            {
                var (outcome, failure, request) = await CheckOneAsync(http, endpoint, repository, item.Blob, ct);
                if (outcome is not null)
                {
                    outcomes[item.Index] = outcome;
                    return;
                }

                Interlocked.CompareExchange(ref stop, new Stop(failure!, request), null);
                await halt.CancelAsync();
            });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && stop is not null)
        {
            // Stopped on purpose: the first problem is the answer.
        }

        var ordered = outcomes.OrderBy(o => o.Key).Select(o => o.Value).ToList();
        var report = new BlobCheckReport(ordered, stop?.Failure, stop?.Request, distinct.Count);
        RegistryLog.BlobsChecked(logger, endpoint.Name, repository, distinct.Count, report.Broken.Count,
            stop?.Failure.Problem ?? "none", (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return report;
    }

    private async Task<(BlobOutcome? Outcome, RegistryFailure? Failure, string Request)> CheckOneAsync(
        HttpClient http, RegistryEndpoint endpoint, string repository, BlobClue blob, CancellationToken ct)
    {
        var whole = blob.Size <= options.Value.SmallBlobBytes;
        using var request = RegistryHttp.NewRequest(HttpMethod.Get, endpoint, $"v2/{repository}/blobs/{blob.Digest}");
        if (!whole)
            request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 0);
        var shown = $"GET {RegistryHttp.Show(request.RequestUri!)}" + (whole ? "" : " (Range: bytes=0-0)");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.PartialContent)
                return (await ReadBodyAsync(response, blob, whole, shown, timeout.Token), null, shown);

            var body = await ReadErrorBodyAsync(response.Content, timeout.Token);
            var error = RegistryError.TryParse(body);
            var answer = $"{RegistryHttp.StatusText(response.StatusCode)}" + (error is null ? "" : $" {error}");
            var condition = response.StatusCode switch
            {
                HttpStatusCode.NotFound => BlobConditions.Missing,
                HttpStatusCode.InternalServerError => BlobConditions.BrokenLink,
                _ => null,
            };
            return condition is null
                ? (null, ClassifyRefusal(request, response, answer), shown)
                : (new BlobOutcome(blob, condition, shown, answer, null), null, shown);
        }
        catch (Exception e) when (!ct.IsCancellationRequested &&
                                  RegistryHttp.ClassifyTransport(e, timeout.IsCancellationRequested) is { } failure)
        {
            return (null, failure, shown);
        }
    }

    private sealed record Stop(RegistryFailure Failure, string Request);

    private static RegistryFailure ClassifyRefusal(
        HttpRequestMessage request, HttpResponseMessage response, string answer) =>
        response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new RegistryFailure(RegistryProblems.Unauthorized,
                answer + (request.Options.TryGetValue(RegistryHttp.AuthNoteKey, out var note) ? $" ({note})" : "")),
            HttpStatusCode.Forbidden => new RegistryFailure(RegistryProblems.Denied, answer),
            HttpStatusCode.TooManyRequests =>
                new RegistryFailure(RegistryProblems.TooManyRequests, answer, response.Headers.RetryAfter?.Delta),
            _ => new RegistryFailure(RegistryProblems.ServerError, answer),
        };

    private static async Task<BlobOutcome> ReadBodyAsync(
        HttpResponseMessage response, BlobClue blob, bool whole, string shown, CancellationToken ct)
    {
        var status = RegistryHttp.StatusText(response.StatusCode);
        var served = RegistryHttp.DigestHeader(response);
        if (served is not null && served != blob.Digest)
            return Verdict(BlobConditions.DigestMismatch, $"{status}, Docker-Content-Digest {served}", null);

        // Read the whole small blob (hashing it), or just the first byte of a big one. One byte
        // more than the descriptor promises is enough to know the blob is not what it says.
        var limit = whole ? blob.Size + 1 : 1;
        using var hasher = ContentDigest.HasherFor(blob.Digest);
        long count = 0;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            var chunk = new byte[(int)Math.Clamp(limit, 1, 64 * 1024)];
            while (count < limit)
            {
                var read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - count)), ct);
                if (read == 0)
                    break;

                hasher.AppendData(chunk, 0, read);
                count += read;
            }
        }
        catch (IOException)
        {
            // The registry promised a length and closed early: what arrived is what counts.
        }

        if (blob.Size > 0 && count == 0)
            return Verdict(BlobConditions.Empty, $"{status} with 0 of {blob.Size} bytes", 0);

        if (!whole)
            return Verdict(BlobConditions.Present, $"{status} with the first byte", count);

        if (count < blob.Size)
            return Verdict(BlobConditions.Short, $"{status} with {count} of {blob.Size} bytes", count);

        if (count > blob.Size)
            return Verdict(BlobConditions.DigestMismatch, $"{status} with more than {blob.Size} bytes", count);

        var digest = ContentDigest.Finish(hasher);
        return digest == blob.Digest
            ? Verdict(BlobConditions.Present, $"{status} with {count} bytes, digest matches", count)
            : Verdict(BlobConditions.DigestMismatch, $"{status} with {count} bytes hashing to {digest}", count);

        BlobOutcome Verdict(string condition, string answer, long? read) => new(blob, condition, shown, answer, read);
    }

    private static async Task<byte[]> ReadErrorBodyAsync(HttpContent content, CancellationToken ct)
    {
        try
        {
            return await Manifests.ManifestReader.ReadCappedAsync(content, 16 * 1024, ct) ?? [];
        }
        catch (IOException)
        {
            return [];
        }
    }
}
