using k8s;
using Microsoft.Extensions.Options;

namespace Bot.Kubernetes.Api;

/// <summary>Builds the client from <see cref="ClusterOptions.Kubeconfig"/>, or from the default chain when it is empty.</summary>
public sealed class KubernetesFactory(IOptions<ClusterOptions> options) : IKubernetesFactory
{
    public IKubernetes Create()
    {
        var path = options.Value.Kubeconfig;
        var config = string.IsNullOrWhiteSpace(path)
            ? KubernetesClientConfiguration.BuildDefaultConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
        return new k8s.Kubernetes(config);
    }
}
