using System.Text.Json;

namespace Bot.Core;

/// <summary>The one spelling of enum values outside the code: JSON, prompt file names, logs for people.</summary>
public static class KebabCase
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
