namespace Bot.Lab.Scenarios;

/// <summary>The registry under test and the volume it writes to.</summary>
/// <param name="Name">How CI logs name it (<c>registry.internal:5000</c>); the lab maps it to loopback.</param>
/// <param name="VolumeBytes">Size of the tmpfs the registry stores on.</param>
/// <param name="BlobDescriptorCache">Whether the in-memory blob-descriptor cache is on (Harbor's is Redis).</param>
public sealed record RegistrySpec(string Name, long VolumeBytes, bool BlobDescriptorCache);
