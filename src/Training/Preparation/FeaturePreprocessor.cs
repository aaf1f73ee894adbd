using EdgeML.Training.Data;
using EdgeML.Compiler.Onnx;
using EdgeML.Training.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.Training.Pipeline;

namespace EdgeML.Training.Preparation;

/// <summary>
/// Turns raw columns into the model's float feature vector: impute → per-column transforms → scale → missing
/// indicators → categorical encodings → feature selection. <see cref="Fit"/> sees the training split only (no
/// statistic leaks from validation or test); <see cref="EmitOnnx"/> writes the same steps into the graph.
/// </summary>
internal sealed class FeaturePreprocessor
{
    private readonly PreparationConfig _config;
    private NumericImputer _imputer = null!;
    private readonly Dictionary<int, ColumnTransform> _transforms = [];
    private ColumnScaler _scaler = null!;
    private readonly List<CategoricalEncoder> _encoders = [];
    private int[] _indicatorColumns = [];
    private List<string> _allFeatureNames = [];

    public FeaturePreprocessor(PreparationConfig config) => _config = config;

    public IReadOnlyList<string> NumericColumns { get; private set; } = [];
    public IReadOnlyList<string> CategoricalColumns => _encoders.Select(e => e.Column).ToList();
    public IReadOnlyList<string> DroppedColumns { get; private set; } = [];
    public int[] SelectedFeatures { get; private set; } = [];
    public IReadOnlyList<string> FeatureNames => SelectedFeatures.Select(i => _allFeatureNames[i]).ToList();
    public int FeatureCount => SelectedFeatures.Length;
    public string ImputerName => _imputer.Name;
    public IReadOnlyList<CategoricalEncoder> Encoders => _encoders;

    /// <summary>What each step did, for the report.</summary>
    public List<string> Describe()
    {
        var lines = new List<string>
        {
            $"numeric columns: {string.Join(", ", NumericColumns)}; imputation: {_imputer.Name}; scaling: {_scaler.Method}",
            $"categorical columns: {string.Join(", ", _encoders.Select(e => $"{e.Column} ({(e.OneHot ? "one-hot" : "ordinal")}, {e.Categories.Count} categories)"))}",
            $"missing-indicator columns: {(_indicatorColumns.Length == 0 ? "none" : string.Join(", ", _indicatorColumns.Select(i => NumericColumns[i])))}",
        };
        lines.AddRange(_transforms.Select(t => $"transform {NumericColumns[t.Key]}: {t.Value.Describe()}"));
        if (DroppedColumns.Count > 0) lines.Add($"dropped columns (too many missing): {string.Join(", ", DroppedColumns)}");
        lines.Add($"features after selection ({_config.FeatureSelection.Method}): {FeatureCount} of {_allFeatureNames.Count}");
        return lines;
    }

    public void Fit(DataTable train, IReadOnlyList<string> featureColumns, double[] target, bool classification)
    {
        var dropped = new List<string>();
        var usable = new List<DataColumn>();
        var maxMissing = _config.Imputation == "drop_columns" ? 0 : _config.MaxMissingFraction;
        foreach (var name in featureColumns)
        {
            var column = train[name];
            if (column.Kind is ColumnKind.DateTime or ColumnKind.Text) continue;
            var missing = column.MissingCount() / (double)Math.Max(1, column.Length);
            if (missing > maxMissing || missing >= 1) { dropped.Add(name); continue; }
            usable.Add(column);
        }
        DroppedColumns = dropped;
        NumericColumns = usable.Where(c => c.Kind == ColumnKind.Numeric).Select(c => c.Name).ToList();
        if (usable.Count == 0) throw new TrainingException("no usable feature columns (all are text, dates, or mostly missing)");

        var numeric = NumericMatrix(train);
        _indicatorColumns = _config.MissingIndicators
            ? Enumerable.Range(0, NumericColumns.Count).Where(c => numeric.Any(r => float.IsNaN(r[c]))).ToArray()
            : [];
        _imputer = NumericImputer.Create(_config.Imputation, (float)_config.ImputationConstant, _config.KnnNeighbours);
        _imputer.Fit(numeric);
        var filled = _imputer.Transform(numeric);
        _transforms.Clear();
        foreach (var (name, transform) in _config.Transforms)
        {
            var index = NumericColumns.ToList().IndexOf(name);
            if (index < 0) throw new TrainingException($"transform for '{name}': not a numeric feature column");
            var step = ColumnTransform.Create(transform, _config.DiscretizeBins);
            step.Fit(filled.Select(r => r[index]).ToArray());
            _transforms[index] = step;
        }
        var transformed = ApplyTransforms(filled);
        _scaler = new ColumnScaler(_config.Scaling);
        _scaler.Fit(transformed);

        _encoders.Clear();
        var oneHot = _config.Categorical switch
        {
            "onehot" or "one-hot" => true,
            "ordinal" => false,
            _ => throw new TrainingException($"unknown categorical encoding '{_config.Categorical}' (onehot, ordinal)"),
        };
        foreach (var column in usable.Where(c => c.Kind == ColumnKind.Categorical))
        {
            var encoder = new CategoricalEncoder(column.Name, oneHot, _config.MaxCategories);
            encoder.Fit(column.Strings!);
            _encoders.Add(encoder);
        }
        _allFeatureNames = NumericColumns
            .Concat(_indicatorColumns.Select(i => $"{NumericColumns[i]}_missing"))
            .Concat(_encoders.SelectMany(e => e.FeatureNames())).ToList();
        SelectedFeatures = Enumerable.Range(0, _allFeatureNames.Count).ToArray();
        var encoded = Transform(train);
        SelectedFeatures = FeatureSelection.Select(_config.FeatureSelection.Method, encoded, target, classification,
            _config.FeatureSelection.VarianceThreshold, _config.FeatureSelection.Keep);
    }

    private float[][] NumericMatrix(DataTable table)
    {
        var columns = NumericColumns.Select(n => table[n].Numbers!).ToArray();
        return Enumerable.Range(0, table.RowCount).Select(i => columns.Select(c => (float)c[i]).ToArray()).ToArray();
    }

    private float[][] ApplyTransforms(float[][] rows)
    {
        if (_transforms.Count == 0) return rows;
        return rows.Select(r => r.Select((v, c) => _transforms.TryGetValue(c, out var t) ? t.Apply(v) : v).ToArray()).ToArray();
    }

    public float[][] Transform(DataTable table)
    {
        var numeric = NumericMatrix(table);
        var transformed = ApplyTransforms(_imputer.Transform(numeric));
        var width = _allFeatureNames.Count;
        var result = new float[table.RowCount][];
        var categorical = _encoders.Select(e => table[e.Column].Strings ?? throw new TrainingException($"column '{e.Column}' must be categorical")).ToArray();
        for (var i = 0; i < table.RowCount; i++)
        {
            var row = new float[width];
            var at = 0;
            for (var c = 0; c < NumericColumns.Count; c++) row[at++] = _scaler.Apply(c, transformed[i][c]);
            foreach (var c in _indicatorColumns) row[at++] = float.IsNaN(numeric[i][c]) ? 1f : 0f;
            for (var e = 0; e < _encoders.Count; e++)
            {
                _encoders[e].Encode(categorical[e][i], row.AsSpan(at, _encoders[e].Width));
                at += _encoders[e].Width;
            }
            result[i] = SelectedFeatures.Length == width ? row : SelectedFeatures.Select(j => row[j]).ToArray();
        }
        return result;
    }

    /// <summary>Adds one graph input per raw column (numeric: float [N,1], categorical: string [N,1]) and the steps.</summary>
    public string EmitOnnx(OnnxGraphBuilder graph)
    {
        var parts = new List<string>();
        if (NumericColumns.Count > 0)
        {
            var inputs = NumericColumns.Select(n => graph.RowInput(n, DataType.Float, 1)).ToList();
            var raw = graph.Concat(inputs);
            var filled = _imputer.EmitOnnx(graph, raw);
            if (_transforms.Count > 0)
            {
                var columns = Enumerable.Range(0, NumericColumns.Count).Select(c =>
                {
                    var column = graph.Column(filled, c);
                    return _transforms.TryGetValue(c, out var t) ? t.EmitOnnx(graph, column) : column;
                }).ToList();
                filled = graph.Concat(columns);
            }
            parts.Add(_scaler.EmitOnnx(graph, filled));
            if (_indicatorColumns.Length > 0)
            {
                var missing = graph.Cast(graph.Apply("IsNaN", raw), DataType.Float);
                parts.Add(graph.Apply("Gather", missing, graph.Constant("indicators", _indicatorColumns.Select(i => (long)i).ToArray(), _indicatorColumns.Length)).Attr("axis", 1));
            }
        }
        foreach (var encoder in _encoders)
            parts.Add(encoder.EmitOnnx(graph, graph.RowInput(encoder.Column, DataType.String, 1)));
        var features = graph.Concat(parts);
        if (SelectedFeatures.Length != _allFeatureNames.Count)
            features = graph.Apply("Gather", features, graph.Constant("selected", SelectedFeatures.Select(i => (long)i).ToArray(), SelectedFeatures.Length)).Attr("axis", 1);
        return features;
    }
}
