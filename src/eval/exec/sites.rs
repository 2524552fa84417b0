//! What a process keeps for places in the code, by their numbers: the
//! `Text` of each text literal, made once; and the layout of the objects met
//! at each member place (`$o.name`) or built at each `New object` place, so
//! that the next object of that layout is read, written or built without a
//! search among its names. (The code is shared by every process; these are
//! the process's own, as its values are.)

use crate::runtime::props::{Layout, Props};
use crate::runtime::value::Text;

/// Places numbered beyond this keep nothing (only code compiled again and
/// again at run time gets there): their literals are made each time they
/// are evaluated, their objects searched.
pub(super) const MAX_SITES: usize = 1 << 20;

#[derive(Default)]
pub(super) struct Sites {
    /// By literal number.
    texts: Vec<Option<Text>>,
    /// By place number: the layout met there last, and the position there
    /// of the place's name.
    layouts: Vec<Option<(Layout, u32)>>,
    /// The layout of the last `New object` at a place beyond [`MAX_SITES`].
    spare: Option<Layout>,
    /// By place number: the position of the place's name in the shared
    /// object met there last (`SharedObject::get_hinted`).
    hints: Vec<u32>,
    /// The hint of places beyond [`MAX_SITES`].
    spare_hint: u32,
}

impl Sites {
    /// The `Text` of text literal `id`.
    #[inline]
    pub(super) fn text(&mut self, text: &str, id: u32) -> Text {
        let id = id as usize;
        if let Some(Some(t)) = self.texts.get(id) {
            return t.clone();
        }
        let t = Text::new(text);
        if id < MAX_SITES {
            if self.texts.len() <= id {
                self.texts.resize(id + 1, None);
            }
            self.texts[id] = Some(t.clone());
        }
        t
    }

    /// The position of property `name` in `props`, read at place `site`.
    #[inline(always)]
    pub(super) fn position(&mut self, site: u32, props: &Props, name: &str) -> Option<usize> {
        let site = site as usize;
        if let Some(Some((layout, i))) = self.layouts.get(site)
            && props.has_layout(layout)
        {
            return Some(*i as usize);
        }
        let i = props.position(name)?;
        if let Some(layout) = props.layout() {
            self.keep(site, layout, i);
        }
        Some(i)
    }

    /// The position of its name in the shared object met at place `site`
    /// last, for `SharedObject::get_hinted` to try and correct.
    #[inline(always)]
    pub(super) fn hint(&mut self, site: u32) -> &mut u32 {
        let at = site as usize;
        if at >= MAX_SITES {
            return &mut self.spare_hint;
        }
        if self.hints.len() <= at {
            self.hints.resize(at + 1, 0);
        }
        &mut self.hints[at]
    }

    /// The position place `site` keeps, when `props` has the layout kept there.
    #[inline(always)]
    pub(super) fn known(&self, site: u32, props: &Props) -> Option<usize> {
        match self.layouts.get(site as usize) {
            Some(Some((layout, i))) if props.has_layout(layout) => Some(*i as usize),
            _ => None,
        }
    }

    /// The layout of the objects `New object` builds at place `site`.
    #[inline]
    pub(super) fn new_object(&mut self, site: u32, names: &[Box<str>]) -> &Layout {
        let at = site as usize;
        let make = || Layout::new(names.iter().map(|name| &**name));
        if at >= MAX_SITES {
            return self.spare.insert(make());
        }
        if self.layouts.len() <= at {
            self.layouts.resize(at + 1, None);
        }
        &self.layouts[at].get_or_insert_with(|| (make(), 0)).0
    }

    fn keep(&mut self, site: usize, layout: Layout, position: usize) {
        if site >= MAX_SITES {
            return;
        }
        if self.layouts.len() <= site {
            self.layouts.resize(site + 1, None);
        }
        self.layouts[site] = Some((layout, position as u32));
    }
}
