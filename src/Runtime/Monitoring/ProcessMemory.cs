using System.Diagnostics;

namespace EdgeML.Runtime.Monitoring;

/// <summary>The process's resident memory now and at its peak (Linux: VmRSS and VmHWM of
/// /proc/self/status; elsewhere the working set, which has no portable peak).</summary>
public static class ProcessMemory
{
    public static long ResidentBytes() => Read("VmRSS:") ?? Process.GetCurrentProcess().WorkingSet64;

    public static long PeakResidentBytes() => Read("VmHWM:") ?? Process.GetCurrentProcess().PeakWorkingSet64;

    private static long? Read(string field)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return null;
        foreach (var line in File.ReadLines(status))
        {
            if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
            var parts = line[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        return null;
    }
}
