//! An event's head read onto a tape of its own: the envelope's JSON up to its `detail`,
//! whose value (the record) another tape holds (see `super::super::record`).

use super::{Op, Reader, Tape, hash_bytes};

impl Tape {
    /// Reads an event's head: its JSON text up to the value of its last key (`{"version":
    /// "0",…,"detail":`), which another tape holds ([`Tape::read_detail`]). The keys are the
    /// envelope's, written by the ingest, so they are not checked for repeats here.
    pub(crate) fn read_head(&mut self, head: &str) -> bool {
        self.clear();
        let mut reader = Reader {
            input: head.as_bytes(),
            at: 0,
        };
        self.synced = Some(0);
        let read = self.read_members(&mut reader).is_some();
        self.unsync(reader.input, reader.at);
        read
    }

    fn read_members(&mut self, reader: &mut Reader<'_>) -> Option<()> {
        if reader.peek()? != b'{' {
            return None;
        }
        reader.at += 1;
        self.push_json(b"{");
        self.ops.push(Op::Open(false));
        loop {
            if reader.peek()? != b'"' {
                return None;
            }
            let key = reader.string(self)?;
            let hash = hash_bytes(reader.text_so_far(self, key));
            self.ops.push(Op::Key(key, hash as u32));
            if reader.peek()? != b':' {
                return None;
            }
            reader.at += 1;
            self.push_json(b":");
            if reader.at == reader.input.len() {
                return Some(());
            }
            reader.value(self, 1)?;
            if !reader.member_separator(self, b'}')? {
                return None;
            }
        }
    }
}
