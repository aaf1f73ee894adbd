using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference.Ml;

/// <summary>ai.onnx.ml CategoryMapper (1): strings to int64 through the parallel lists cats_strings
/// and cats_int64s (default_int64 when missing), or int64 to strings (default_string).</summary>
public sealed class CategoryMapper : Kernel
{
    private readonly Dictionary<string, long> _toInt;
    private readonly Dictionary<long, string> _toString;
    private readonly long _defaultInt;
    private readonly string _defaultString;

    private CategoryMapper(Dictionary<string, long> toInt, Dictionary<long, string> toString, long defaultInt, string defaultString)
    {
        _toInt = toInt;
        _toString = toString;
        _defaultInt = defaultInt;
        _defaultString = defaultString;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        var strings = a.GetStrings("cats_strings", []);
        var ints = a.GetInts("cats_int64s", []);
        if (strings.Length != ints.Length) throw info.Error("cats_strings and cats_int64s must have the same length");
        var toInt = new Dictionary<string, long>(StringComparer.Ordinal);
        var toString = new Dictionary<long, string>();
        for (int i = 0; i < strings.Length; i++)
        {
            toInt.TryAdd(strings[i], ints[i]);
            toString.TryAdd(ints[i], strings[i]);
        }
        return new CategoryMapper(toInt, toString, a.GetInt("default_int64", -1), a.GetString("default_string", "_Unused"));
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        int n = (int)x.Length;
        if (x.Type == DataType.String)
        {
            y.Allocate(DataType.Int64, x.Shape);
            var d = y.Span<long>();
            var s = x.Strings;
            for (int i = 0; i < n; i++) d[i] = _toInt.TryGetValue(s[i], out var v) ? v : _defaultInt;
        }
        else if (x.Type == DataType.Int64)
        {
            y.Allocate(DataType.String, x.Shape);
            var d = y.Strings;
            var s = x.ReadOnlySpan<long>();
            for (int i = 0; i < n; i++) d[i] = _toString.TryGetValue(s[i], out var v) ? v : _defaultString;
        }
        else
        {
            throw context.Error($"input type {DataTypeInfo.Name(x.Type)} is not supported (string or int64)");
        }
    }
}
