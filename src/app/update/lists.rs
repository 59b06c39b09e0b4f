//! The vendor list and the comparison: moving, filtering, opening.

use super::*;
use crate::i18n::status as msg;

pub(super) fn vendors(app: &mut App, action: Action) -> Vec<Effect> {
    let list = &mut app.vendors;
    match action {
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom => {
            list.selected = moved(list.selected, list.visible.len(), table_rows(app.height), &action);
            fix_scroll(app);
            vec![]
        }
        Action::Open => match list.selected_row() {
            Some(row @ (VendorRow::Ok { .. } | VendorRow::Loading { .. })) => {
                let path = row.path().to_path_buf();
                app.return_to = Screen::Vendors;
                vec![Effect::OpenVendor { path, review: false }]
            }
            Some(VendorRow::Unreadable { error, .. }) => {
                let message = format!("{} {error}", msg::CANNOT_OPEN_FIX_THE_FILE.text(app.lang));
                app.say(StatusKind::Error, message);
                vec![]
            }
            None => vec![],
        },
        Action::NewVendor => {
            app.overlay = Some(Overlay::NewVendor(TextBuffer::new("", false)));
            vec![]
        }
        Action::ReviewScreen => match list.selected_row() {
            Some(row @ (VendorRow::Ok { .. } | VendorRow::Loading { .. })) => {
                let path = row.path().to_path_buf();
                app.return_to = Screen::Vendors;
                app.review_direct = true;
                vec![Effect::OpenVendor { path, review: true }]
            }
            _ => vec![],
        },
        Action::Compare => {
            // The comparison opens on the vendor selected in the list (its
            // rank may have changed since the comparison was last open).
            let selected = app.vendors.visible.get(app.vendors.selected).copied();
            if let Some(rank) = selected.and_then(|i| app.ranking.iter().position(|&r| r == i)) {
                app.compare_selected = rank;
            }
            app.screen = Screen::Compare;
            fix_scroll(app);
            vec![]
        }
        Action::NextDue => {
            next_due_vendor(app);
            vec![]
        }
        Action::Reassess => ask_reassess(app),
        Action::Rename | Action::Archive => {
            let lang = app.lang;
            match list.selected_row() {
                Some(VendorRow::Ok { summary, .. }) => {
                    let (path, name) = (summary.path.clone(), summary.meta.vendor.clone());
                    app.overlay = Some(if action == Action::Rename {
                        Overlay::Rename { path, buffer: TextBuffer::new(&name, false) }
                    } else {
                        Overlay::Confirm(Confirm::Archive { path, name })
                    });
                }
                Some(VendorRow::Loading { .. }) => {
                    app.say(StatusKind::Info, msg::STILL_LOADING_THIS_VENDOR_A.text(lang));
                }
                Some(VendorRow::Unreadable { .. }) => {
                    app.say(StatusKind::Error, msg::THIS_FILE_DOES_NOT_READ.text(lang));
                }
                None => {}
            }
            vec![]
        }
        Action::ShowArchived => vec![Effect::ListArchived],
        Action::Filter => {
            list.filtering = true;
            vec![]
        }
        Action::Back if !list.filter.text().is_empty() => {
            list.filter = TextBuffer::new("", false);
            list.refilter();
            fix_scroll(app);
            vec![]
        }
        _ => vec![],
    }
}

/// Keys on the list of archived vendors: move, Enter restores, Esc closes.
pub(super) fn archived(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(Overlay::Archived { rows, selected }) = app.overlay.as_mut() else { return vec![] };
    match action {
        Action::Up | Action::Down => {
            *selected = moved(*selected, rows.len(), 1, &action);
            vec![]
        }
        Action::Submit => {
            let slug = rows.get(*selected).map(|(slug, _)| slug.clone());
            app.overlay = None;
            slug.map(|slug| vec![Effect::RestoreVendor { slug }]).unwrap_or_default()
        }
        _ => {
            app.overlay = None;
            vec![]
        }
    }
}

pub(super) fn compare(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom => {
            app.compare_selected = moved(app.compare_selected, app.ranking.len(), table_rows(app.height), &action);
            fix_scroll(app);
            vec![]
        }
        Action::Open => {
            app.return_to = Screen::Compare;
            app.ranking
                .get(app.compare_selected)
                .map(|&i| vec![Effect::OpenVendor { path: app.vendors.rows[i].path().to_path_buf(), review: false }])
                .unwrap_or_default()
        }
        Action::ReviewScreen => {
            app.return_to = Screen::Compare;
            app.review_direct = true;
            app.ranking
                .get(app.compare_selected)
                .map(|&i| vec![Effect::OpenVendor { path: app.vendors.rows[i].path().to_path_buf(), review: true }])
                .unwrap_or_default()
        }
        Action::Back | Action::Compare => {
            app.screen = Screen::Vendors;
            vec![]
        }
        _ => vec![],
    }
}
