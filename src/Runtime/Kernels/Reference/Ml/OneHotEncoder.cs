using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference.Ml;

/// <summary>ai.onnx.ml OneHotEncoder (1): each element becomes a float one-hot vector over the
/// categories (cats_int64s or cats_strings); the output shape is the input's with the category
/// count appended. Numbers are matched as int64. An unknown category is all zeros when zeros = 1
/// (the default), an error otherwise.</summary>
public sealed class OneHotEncoder : Kernel
{
    private readonly Dictionary<long, int>? _ints;
    private readonly Dictionary<string, int>? _strings;
    private readonly int _count;
    private readonly bool _zeros;

    private OneHotEncoder(Dictionary<long, int>? ints, Dictionary<string, int>? strings, int count, bool zeros)
    {
        _ints = ints;
        _strings = strings;
        _count = count;
        _zeros = zeros;
    }

    public static Kernel Create(KernelInfo info)
    {
        var ints = info.Attributes.GetInts("cats_int64s", []);
        var strings = info.Attributes.GetStrings("cats_strings", []);
        if ((ints.Length == 0) == (strings.Length == 0)) throw info.Error("exactly one of cats_int64s and cats_strings must be given");
        bool zeros = info.Attributes.GetInt("zeros", 1) != 0;
        if (ints.Length > 0)
        {
            var map = new Dictionary<long, int>();
            for (int i = 0; i < ints.Length; i++) map.TryAdd(ints[i], i);
            return new OneHotEncoder(map, null, ints.Length, zeros);
        }
        var smap = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < strings.Length; i++) smap.TryAdd(strings[i], i);
        return new OneHotEncoder(null, smap, strings.Length, zeros);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        Span<long> shape = stackalloc long[x.Rank + 1];
        x.Shape.CopyTo(shape);
        shape[x.Rank] = _count;
        var y = context.Output(0);
        y.Allocate(DataType.Float, shape);
        var output = y.Span<float>();
        output.Clear();
        int n = (int)x.Length;
        for (int i = 0; i < n; i++)
        {
            int index;
            bool found;
            if (_strings != null)
            {
                if (x.Type != DataType.String) throw context.Error($"the categories are strings but the input is {DataTypeInfo.Name(x.Type)}");
                found = _strings.TryGetValue(x.Strings[i], out index);
            }
            else
            {
                long key = x.Type switch
                {
                    DataType.Int64 => x.ReadOnlySpan<long>()[i],
                    DataType.Int32 => x.ReadOnlySpan<int>()[i],
                    DataType.Float => (long)x.ReadOnlySpan<float>()[i],
                    DataType.Double => (long)x.ReadOnlySpan<double>()[i],
                    _ => throw context.Error($"the categories are integers but the input is {DataTypeInfo.Name(x.Type)}"),
                };
                found = _ints!.TryGetValue(key, out index);
            }
            if (found) output[i * _count + index] = 1f;
            else if (!_zeros) throw context.Error("an input value is not one of the categories (zeros = 0)");
        }
    }
}
