using System.Collections.Concurrent;
using System.Net;
using Bot.Core.Investigations;
using Bot.Registry.Endpoints;
using Bot.Registry.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Registry.Blobs;

/// <summary>
/// Reads every referenced blob, because HEAD lies under the blob-descriptor cache: a ranged GET
/// of the last byte for big blobs (a blob cut short has no last byte), a full GET with byte count
/// and digest for small ones. Runs <see cref="RegistryOptions.BlobCheckConcurrency"/> requests at
/// once and stops early when the registry refuses, throttles or vanishes, since every further
/// request would say the same.
/// </summary>
public sealed class BlobChecker(
    IHttpClientFactory clients, IOptions<RegistryOptions> options, TimeProvider time, ILogger<BlobChecker> logger)
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
        var started = time.GetTimestamp();
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
            stop?.Failure.Problem ?? "none", (long)time.GetElapsedTime(started).TotalMilliseconds);
        return report;
    }

    private async Task<(BlobOutcome? Outcome, RegistryFailure? Failure, string Request)> CheckOneAsync(
        HttpClient http, RegistryEndpoint endpoint, string repository, BlobClue blob, CancellationToken ct)
    {
        var whole = blob.Size <= options.Value.SmallBlobBytes;
        var last = blob.Size - 1;
        using var request = BlobRequest(endpoint, repository, blob, whole ? null : last);
        var shown = Shown(request, whole ? null : last);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!whole && response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                var refused = $"416 for byte {last}";
                return (await ShortOrEmptyAsync(http, endpoint, repository, blob, shown, refused, timeout.Token),
                    null, shown);
            }

            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.PartialContent)
            {
                // A 200 to a ranged GET ignored the range: the whole body is there to count and hash.
                var readAll = whole || response.StatusCode == HttpStatusCode.OK;
                var outcome = await ReadBodyAsync(response, blob, readAll, shown, timeout.Token);
                if (readAll || outcome.Condition != BlobConditions.Empty)
                    return (outcome, null, shown);

                var without = $"{RegistryHttp.StatusText(response.StatusCode)} without byte {last}";
                return (await ShortOrEmptyAsync(http, endpoint, repository, blob, shown, without, timeout.Token),
                    null, shown);
            }

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

    /// <summary>
    /// A big blob without its last byte is short or empty; its first byte tells which. Only broken
    /// blobs pay for this second request.
    /// </summary>
    private static async Task<BlobOutcome> ShortOrEmptyAsync(
        HttpClient http,
        RegistryEndpoint endpoint,
        string repository,
        BlobClue blob,
        string shown,
        string lastByteAnswer,
        CancellationToken ct)
    {
        using var request = BlobRequest(endpoint, repository, blob, 0);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        var firstByte = response.StatusCode is HttpStatusCode.OK or HttpStatusCode.PartialContent
            && await ReadsAByteAsync(response.Content, ct);

        var asked = $"{shown}, then bytes=0-0";
        return firstByte
            ? new BlobOutcome(blob, BlobConditions.Short, asked,
                $"{lastByteAnswer}; byte 0 is there: fewer than {blob.Size} bytes", null)
            : new BlobOutcome(blob, BlobConditions.Empty, asked,
                $"{lastByteAnswer}; byte 0 is not there either: 0 of {blob.Size} bytes", 0);
    }

    private static async Task<bool> ReadsAByteAsync(HttpContent content, CancellationToken ct)
    {
        try
        {
            await using var stream = await content.ReadAsStreamAsync(ct);
            return await stream.ReadAsync(new byte[1], ct) == 1;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static HttpRequestMessage BlobRequest(
        RegistryEndpoint endpoint, string repository, BlobClue blob, long? onlyByte)
    {
        var request = RegistryHttp.NewRequest(HttpMethod.Get, endpoint, $"v2/{repository}/blobs/{blob.Digest}");
        if (onlyByte is { } offset)
            request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(offset, offset);
        return request;
    }

    private static string Shown(HttpRequestMessage request, long? onlyByte) =>
        $"GET {RegistryHttp.Show(request.RequestUri!)}" + (onlyByte is { } b ? $" (Range: bytes={b}-{b})" : "");

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

        // Read the whole small blob (hashing it), or just the one byte asked of a big one. One
        // byte more than the descriptor promises is enough to know the blob is not what it says.
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
            return Verdict(BlobConditions.Present, $"{status} with the last byte", count);

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
