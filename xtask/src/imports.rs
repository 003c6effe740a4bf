//! Shorter import names for the page: wasm-bindgen names each import the module takes from its JS glue
//! `__wbg_<name>_<16 hex digits>`, and those names appear twice in the first view (the wasm import
//! section and the loader's import object), where their hex digits do not compress. This renames every
//! import to a short name in both files alike; a name the loader uses anywhere else stops the build.

/// One import of the module: its module name and field name, and the bytes of its description.
struct Import {
    module: String,
    field: String,
    description: Vec<u8>,
}

/// Renames the wasm module's imports and the loader's import object keys to short names; returns the
/// new wasm bytes and loader text.
pub fn shorten(wasm: &[u8], loader: &str) -> Result<(Vec<u8>, String), String> {
    let (start, end) = import_section(wasm)?;
    let mut imports = read_imports(&wasm[start..end])?;
    let mut loader = loader.to_string();
    let modules: Vec<String> = imports.iter().fold(Vec::new(), |mut modules, import| {
        if !modules.contains(&import.module) {
            modules.push(import.module.clone());
        }
        modules
    });
    for (index, module) in modules.iter().enumerate() {
        let short = short_name(index);
        replace_key(&mut loader, &format!("\"{module}\":"), &format!("{short}:"))?;
        imports.iter_mut().filter(|import| &import.module == module).for_each(|import| import.module = short.clone());
    }
    for (index, import) in imports.iter_mut().enumerate() {
        let short = short_name(index);
        replace_key(&mut loader, &format!("{}:", import.field), &format!("{short}:"))?;
        import.field = short;
    }
    let mut section = Vec::new();
    write_leb(&mut section, imports.len());
    for import in &imports {
        write_name(&mut section, &import.module);
        write_name(&mut section, &import.field);
        section.extend_from_slice(&import.description);
    }
    let mut out = wasm[..section_header_start(wasm, start)?].to_vec();
    out.push(2);
    write_leb(&mut out, section.len());
    out.extend_from_slice(&section);
    out.extend_from_slice(&wasm[end..]);
    Ok((out, loader))
}

/// `a`, `b`, … `Z`, then `aa`, `ab`, …: valid JS identifiers that cannot collide with the glue's own.
fn short_name(mut index: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[index % LETTERS.len()]);
        index /= LETTERS.len();
        if index == 0 {
            break;
        }
        index -= 1;
    }
    name.reverse();
    format!("${}", String::from_utf8_lossy(&name))
}

/// Replaces the one occurrence of the object key `old` in the loader; the old name must occur nowhere
/// else, or renaming it would break a reference.
fn replace_key(loader: &mut String, old: &str, new: &str) -> Result<(), String> {
    let name = old.trim_end_matches(':').trim_matches('"');
    let uses = loader.matches(name).count();
    if uses != 1 || !loader.contains(old) {
        return Err(format!("the loader names the import {name} {uses} times, not once as an import object key"));
    }
    *loader = loader.replacen(old, new, 1);
    Ok(())
}

/// The start and end of the import section's contents.
fn import_section(wasm: &[u8]) -> Result<(usize, usize), String> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        return Err("not a wasm module".into());
    }
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        let (size, after) = read_leb(wasm, at + 1)?;
        if id == 2 {
            return Ok((after, after + size));
        }
        at = after + size;
    }
    Err("the wasm module has no import section".into())
}

/// Where the header (id and size) of the section whose contents start at `contents` begins.
fn section_header_start(wasm: &[u8], contents: usize) -> Result<usize, String> {
    let mut at = 8;
    while at < wasm.len() {
        let (size, after) = read_leb(wasm, at + 1)?;
        if after == contents {
            return Ok(at);
        }
        at = after + size;
    }
    Err("import section not found again".into())
}

fn read_imports(section: &[u8]) -> Result<Vec<Import>, String> {
    let (count, mut at) = read_leb(section, 0)?;
    let mut imports = Vec::with_capacity(count);
    for _ in 0..count {
        let (module, after) = read_name(section, at)?;
        let (field, after) = read_name(section, after)?;
        let end = description_end(section, after)?;
        imports.push(Import { module, field, description: section[after..end].to_vec() });
        at = end;
    }
    if at != section.len() {
        return Err("the import section has trailing bytes".into());
    }
    Ok(imports)
}

/// The end of an import description: a function (type index), table, memory or global.
fn description_end(section: &[u8], at: usize) -> Result<usize, String> {
    let limits_end = |at: usize| -> Result<usize, String> {
        let flags = *section.get(at).ok_or("truncated limits")?;
        let (_, after) = read_leb(section, at + 1)?;
        if flags & 1 == 1 {
            Ok(read_leb(section, after)?.1)
        } else {
            Ok(after)
        }
    };
    match section.get(at) {
        Some(0) => Ok(read_leb(section, at + 1)?.1),
        Some(1) => limits_end(at + 2),
        Some(2) => limits_end(at + 1),
        Some(3) => Ok(at + 3),
        other => Err(format!("unknown import kind {other:?}")),
    }
}

fn read_name(bytes: &[u8], at: usize) -> Result<(String, usize), String> {
    let (length, start) = read_leb(bytes, at)?;
    let text = bytes.get(start..start + length).ok_or("truncated name")?;
    Ok((String::from_utf8(text.to_vec()).map_err(|e| e.to_string())?, start + length))
}

fn read_leb(bytes: &[u8], mut at: usize) -> Result<(usize, usize), String> {
    let (mut value, mut shift) = (0usize, 0);
    loop {
        let byte = *bytes.get(at).ok_or("truncated number")?;
        value |= usize::from(byte & 0x7f) << shift;
        at += 1;
        if byte & 0x80 == 0 {
            return Ok((value, at));
        }
        shift += 7;
    }
}

fn write_leb(out: &mut Vec<u8>, mut value: usize) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_leb(out, name.len());
    out.extend_from_slice(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with a type section and these imports (module, field, description).
    fn module(imports: &[(&str, &str, &[u8])]) -> Vec<u8> {
        let mut section = Vec::new();
        write_leb(&mut section, imports.len());
        for (module, field, description) in imports {
            write_name(&mut section, module);
            write_name(&mut section, field);
            section.extend_from_slice(description);
        }
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        wasm.push(2);
        write_leb(&mut wasm, section.len());
        wasm.extend_from_slice(&section);
        wasm
    }

    #[test]
    fn renames_imports_in_the_module_and_the_loader_alike() {
        // A function `__wbg_log_0123456789abcdef` and a memory, both from `./glue.js`.
        let wasm = module(&[("./glue.js", "__wbg_log_0123456789abcdef", &[0, 0]), ("./glue.js", "__wbg_memory_fedcba9876543210", &[2, 1, 17, 200, 1])]);
        let loader = r#"{"./glue.js":{__wbg_log_0123456789abcdef:function(){},__wbg_memory_fedcba9876543210:m}}"#;
        let (short, loader) = shorten(&wasm, loader).expect("renamed");
        assert_eq!(loader, "{$a:{$a:function(){},$b:m}}");
        let (start, end) = import_section(&short).expect("import section");
        let imports = read_imports(&short[start..end]).expect("imports");
        let names: Vec<_> = imports.iter().map(|i| (i.module.as_str(), i.field.as_str(), i.description.clone())).collect();
        assert_eq!(names, [("$a", "$a", vec![0, 0]), ("$a", "$b", vec![2, 1, 17, 200, 1])]);
        assert_eq!(&short[..14], &wasm[..14]);
    }

    #[test]
    fn refuses_a_name_the_loader_uses_elsewhere() {
        let wasm = module(&[("./glue.js", "__wbg_log_0123456789abcdef", &[0, 0])]);
        let loader = r#"{"./glue.js":{__wbg_log_0123456789abcdef:f}};x.__wbg_log_0123456789abcdef()"#;
        assert!(shorten(&wasm, loader).is_err());
    }
}
