using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference.Ml;

/// <summary>
/// ai.onnx.ml LabelEncoder (1, 2, 4): maps each element through parallel key and value lists.
/// Version 1 maps strings to their index in classes_strings and indices back to strings; versions 2
/// and 4 take keys_* / values_* (strings, int64s, floats, and in 4 tensors of any of the listed
/// types) with a default for missing keys. From version 4 a NaN key matches NaN inputs (before, NaN
/// never matches, as in ONNX Runtime); a repeated key's last value wins. The maps are built once; a run only looks up.
/// </summary>
public sealed class LabelEncoder : Kernel
{
    private enum Domain : byte { Text, Integer, Real }

    private readonly Domain _keyDomain;
    private readonly Dictionary<string, int>? _textKeys;
    private readonly Dictionary<long, int>? _intKeys;
    private readonly Dictionary<double, int>? _realKeys;
    private readonly DataType _outputType;
    private readonly string[] _textValues;
    private readonly long[] _intValues;
    private readonly double[] _realValues;
    // Index _count of the value arrays holds the default.
    private readonly int _default;
    private readonly bool _nanMatchesNan;

    private LabelEncoder(Domain keyDomain, Dictionary<string, int>? textKeys, Dictionary<long, int>? intKeys, Dictionary<double, int>? realKeys,
        DataType outputType, string[] textValues, long[] intValues, double[] realValues, int defaultIndex, bool nanMatchesNan)
    {
        _nanMatchesNan = nanMatchesNan;
        _keyDomain = keyDomain;
        _textKeys = textKeys;
        _intKeys = intKeys;
        _realKeys = realKeys;
        _outputType = outputType;
        _textValues = textValues;
        _intValues = intValues;
        _realValues = realValues;
        _default = defaultIndex;
    }

    /// <summary>A list attribute or tensor of keys or values, in one of three domains.</summary>
    private sealed record Column(DataType Type, string[] Text, long[] Integers, double[] Reals)
    {
        public int Count => Type == DataType.String ? Text.Length : IsInteger(Type) ? Integers.Length : Reals.Length;
    }

    private static bool IsInteger(DataType t) => t is DataType.Int64 or DataType.Int32 or DataType.Int16;

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        Column keys, values;
        string defaultText = a.GetString("default_string", "_Unused");
        long defaultInt = a.GetInt("default_int64", -1);
        double defaultReal = a.GetFloat("default_float", -0.0f);
        if (info.Version < 2)
        {
            var classes = a.GetStrings("classes_strings", []);
            var indices = new long[classes.Length];
            for (int i = 0; i < indices.Length; i++) indices[i] = i;
            var text = new Column(DataType.String, classes, [], []);
            var ints = new Column(DataType.Int64, [], indices, []);
            var inType = info.InputType(0);
            if (inType == DataType.Undefined) inType = info.OutputType(0) == DataType.String ? DataType.Int64 : DataType.String;
            (keys, values) = inType == DataType.String ? (text, ints) : (ints, text);
        }
        else
        {
            keys = Pick(info, "keys");
            values = Pick(info, "values");
            if (a.GetTensor("default_tensor") is { } dt)
            {
                var d = FromTensor(dt, info, "default_tensor");
                if (d.Count != 1) throw info.Error("default_tensor must hold one value");
                if (d.Type == DataType.String) defaultText = d.Text[0];
                else if (IsInteger(d.Type)) defaultInt = d.Integers[0];
                else defaultReal = d.Reals[0];
            }
        }
        if (keys.Count != values.Count) throw info.Error($"there are {keys.Count} keys for {values.Count} values");
        int n = keys.Count;
        Dictionary<string, int>? textKeys = null;
        Dictionary<long, int>? intKeys = null;
        Dictionary<double, int>? realKeys = null;
        Domain domain;
        if (keys.Type == DataType.String)
        {
            domain = Domain.Text;
            textKeys = new Dictionary<string, int>(n, StringComparer.Ordinal);
            for (int i = 0; i < n; i++) textKeys[keys.Text[i]] = i;
        }
        else if (IsInteger(keys.Type))
        {
            domain = Domain.Integer;
            intKeys = new Dictionary<long, int>(n);
            for (int i = 0; i < n; i++) intKeys[keys.Integers[i]] = i;
        }
        else
        {
            domain = Domain.Real;
            realKeys = new Dictionary<double, int>(n);
            // double.Equals treats NaN as equal to NaN, so a NaN key matches every NaN input.
            for (int i = 0; i < n; i++) realKeys[double.IsNaN(keys.Reals[i]) ? double.NaN : keys.Reals[i]] = i;
        }
        var textValues = new string[n + 1];
        var intValues = new long[n + 1];
        var realValues = new double[n + 1];
        for (int i = 0; i < n; i++)
        {
            if (values.Type == DataType.String) textValues[i] = values.Text[i];
            else if (IsInteger(values.Type)) intValues[i] = values.Integers[i];
            else realValues[i] = values.Reals[i];
        }
        textValues[n] = defaultText;
        intValues[n] = defaultInt;
        realValues[n] = defaultReal;
        return new LabelEncoder(domain, textKeys, intKeys, realKeys, values.Type, textValues, intValues, realValues, n, info.Version >= 4);
    }

    /// <summary>The one keys_* (or values_*) attribute given.</summary>
    private static Column Pick(KernelInfo info, string prefix)
    {
        var a = info.Attributes;
        var found = new List<Column>();
        if (a.Find(prefix + "_strings") is { } s) found.Add(new Column(DataType.String, s.Strings, [], []));
        if (a.Find(prefix + "_int64s") is { } i) found.Add(new Column(DataType.Int64, [], i.Ints, []));
        if (a.Find(prefix + "_floats") is { } f) found.Add(new Column(DataType.Float, [], [], Array.ConvertAll(f.Floats, x => (double)x)));
        if (a.GetTensor(prefix + "_tensor") is { } t) found.Add(FromTensor(t, info, prefix + "_tensor"));
        if (found.Count != 1) throw info.Error($"exactly one of {prefix}_strings, {prefix}_int64s, {prefix}_floats, {prefix}_tensor must be given");
        return found[0];
    }

    private static Column FromTensor(ConstantTensor t, KernelInfo info, string name)
    {
        int n = checked((int)t.ElementCount);
        switch (t.Type)
        {
            case DataType.String: return new Column(DataType.String, t.Strings ?? [], [], []);
            case DataType.Int64: return new Column(t.Type, [], t.Span<long>().ToArray(), []);
            case DataType.Int32: return new Column(t.Type, [], Array.ConvertAll(t.Span<int>().ToArray(), x => (long)x), []);
            case DataType.Int16: return new Column(t.Type, [], Array.ConvertAll(t.Span<short>().ToArray(), x => (long)x), []);
            case DataType.Float: return new Column(t.Type, [], [], Array.ConvertAll(t.Span<float>().ToArray(), x => (double)x));
            case DataType.Double: return new Column(t.Type, [], [], t.Span<double>().ToArray());
            default: throw info.Error($"{name} has type {DataTypeInfo.Name(t.Type)}; string, int64, int32, int16, float or double are supported");
        }
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        y.Allocate(_outputType, x.Shape);
        int n = (int)x.Length;
        for (int i = 0; i < n; i++) Write(y, i, Lookup(x, i, context));
    }

    private int Lookup(Tensor x, int i, KernelContext context)
    {
        int index;
        switch (_keyDomain)
        {
            case Domain.Text:
                if (x.Type != DataType.String) throw context.Error($"the keys are strings but the input is {DataTypeInfo.Name(x.Type)}");
                return _textKeys!.TryGetValue(x.Strings[i], out index) ? index : _default;
            case Domain.Integer:
                long key = x.Type switch
                {
                    DataType.Int64 => x.ReadOnlySpan<long>()[i],
                    DataType.Int32 => x.ReadOnlySpan<int>()[i],
                    DataType.Int16 => x.ReadOnlySpan<short>()[i],
                    _ => throw context.Error($"the keys are integers but the input is {DataTypeInfo.Name(x.Type)}"),
                };
                return _intKeys!.TryGetValue(key, out index) ? index : _default;
            default:
                double real = x.Type switch
                {
                    DataType.Float => x.ReadOnlySpan<float>()[i],
                    DataType.Double => x.ReadOnlySpan<double>()[i],
                    _ => throw context.Error($"the keys are floating point but the input is {DataTypeInfo.Name(x.Type)}"),
                };
                if (double.IsNaN(real)) return _nanMatchesNan && _realKeys!.TryGetValue(double.NaN, out index) ? index : _default;
                return _realKeys!.TryGetValue(real, out index) ? index : _default;
        }
    }

    private void Write(Tensor y, int i, int index)
    {
        switch (_outputType)
        {
            case DataType.String: y.Strings[i] = _textValues[index]; break;
            case DataType.Int64: y.Span<long>()[i] = _intValues[index]; break;
            case DataType.Int32: y.Span<int>()[i] = (int)_intValues[index]; break;
            case DataType.Int16: y.Span<short>()[i] = (short)_intValues[index]; break;
            case DataType.Float: y.Span<float>()[i] = (float)_realValues[index]; break;
            default: y.Span<double>()[i] = _realValues[index]; break;
        }
    }
}
