using System.Globalization;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference.Ml;

/// <summary>ai.onnx.ml CastMap (1): a map from int64 to string or float becomes a [1, K] tensor of
/// floats, strings or int64s (cast_to). DENSE writes the values in ascending key order; SPARSE
/// writes value k at column k for keys below max_map, zeros (or "0") elsewhere. Strings are parsed
/// as floats and floats formatted with six decimals, as ONNX Runtime does.</summary>
public sealed class CastMap : Kernel
{
    private enum Target : byte { Float, String, Int64 }

    private readonly Target _target;
    private readonly bool _sparse;
    private readonly int _maxMap;
    private long[] _keys = [];
    private int[] _order = [];

    private CastMap(Target target, bool sparse, int maxMap)
    {
        _target = target;
        _sparse = sparse;
        _maxMap = maxMap;
    }

    public static Kernel Create(KernelInfo info)
    {
        var target = info.Attributes.GetString("cast_to", "TO_FLOAT") switch
        {
            "TO_FLOAT" => Target.Float,
            "TO_STRING" => Target.String,
            "TO_INT64" => Target.Int64,
            var s => throw info.Error($"cast_to '{s}' is not one of TO_FLOAT, TO_STRING, TO_INT64"),
        };
        bool sparse = info.Attributes.GetString("map_form", "DENSE") switch
        {
            "DENSE" => false,
            "SPARSE" => true,
            var s => throw info.Error($"map_form '{s}' is not one of DENSE, SPARSE"),
        };
        long maxMap = info.Attributes.GetInt("max_map", 1);
        if (sparse && maxMap <= 0) throw info.Error("max_map must be positive for SPARSE");
        return new CastMap(target, sparse, (int)maxMap);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Kind != ValueKind.Map || x.Items[0].Type != DataType.Int64) throw context.Error("the input must be a map with int64 keys");
        var keys = x.Items[0].ReadOnlySpan<long>();
        var values = x.Items[1];
        if (values.Type is not (DataType.Float or DataType.String)) throw context.Error("the map's values must be floats or strings");
        int n = keys.Length;
        int width = _sparse ? _maxMap : n;
        var y = context.Output(0);
        Span<long> shape = [1, width];
        y.Allocate(_target switch { Target.Float => DataType.Float, Target.String => DataType.String, _ => DataType.Int64 }, shape);
        if (_target == Target.String) y.Strings.Fill("0");
        else y.Bytes.Clear();
        if (_sparse)
        {
            for (int i = 0; i < n; i++)
                if (keys[i] >= 0 && keys[i] < _maxMap) Write(values, i, y, (int)keys[i], context);
            return;
        }
        if (_keys.Length < n)
        {
            _keys = new long[n];
            _order = new int[n];
        }
        keys.CopyTo(_keys);
        for (int i = 0; i < n; i++) _order[i] = i;
        Array.Sort(_keys, _order, 0, n);
        for (int i = 0; i < n; i++) Write(values, _order[i], y, i, context);
    }

    private void Write(Tensor values, int from, Tensor y, int to, KernelContext context)
    {
        if (values.Type == DataType.Float)
        {
            float v = values.ReadOnlySpan<float>()[from];
            switch (_target)
            {
                case Target.Float: y.Span<float>()[to] = v; break;
                case Target.Int64: y.Span<long>()[to] = (long)v; break;
                default: y.Strings[to] = v.ToString("F6", CultureInfo.InvariantCulture); break;
            }
            return;
        }
        string s = values.Strings[from];
        switch (_target)
        {
            case Target.String: y.Strings[to] = s; break;
            case Target.Float: y.Span<float>()[to] = Parse(s, context); break;
            default: y.Span<long>()[to] = (long)Parse(s, context); break;
        }
    }

    private static float Parse(string s, KernelContext context)
        => float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw context.Error($"'{s}' is not a number");
}
