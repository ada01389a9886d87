/// Page data with a fixed list of keys, its values already classified: what a dictionary
/// literal of a page context is, made once per entry of an index page (a place, a timeline
/// entry) without a hash table of boxed `Any`s. The keys are one array shared by every row of
/// a kind; a lookup compares the key's hash with each in turn, and a key the row does not
/// list is not found, so lookups climb past it as they climb past the dictionary it stands
/// for (`templateData`, which swift-mustache gets).
struct TemplateRow {
    let keys: [TemplateKey]
    let values: [TemplateValue]

    /// `keys` and `values` pair up in order; the keys are distinct.
    init(keys: [TemplateKey], values: [TemplateValue]) {
        precondition(keys.count == values.count, "a row needs a value for each of its keys")
        self.keys = keys
        self.values = values
    }

    func value(for key: TemplateKey) -> TemplateValue? {
        index(of: key).map { values[$0] }
    }

    /// Where `key`'s value is in `values`.
    func index(of key: TemplateKey) -> Int? {
        keys.withUnsafeBufferPointer { keys -> Int? in
            for index in keys.indices where keys[index] == key { return index }
            return nil
        }
    }

    /// The row as the dictionary it stands for.
    var templateData: TemplateData {
        var data: TemplateData = [:]
        data.reserveCapacity(keys.count)
        for (key, value) in zip(keys, values) { data[key] = value.any }
        return data
    }
}
