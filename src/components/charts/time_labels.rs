//! Times for people: bucket starts in the browser's time zone for the axis, and in UTC for the
//! hover text and the table, so a user reads local times but can match them against CloudTrail.
use js_sys::Date;
use wasm_bindgen::JsValue;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The parts of a moment: month, day, hour, minute.
struct Parts {
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
}

fn parts(seconds: i64, utc: bool) -> Parts {
    let date = Date::new(&JsValue::from_f64(seconds as f64 * 1000.0));
    if utc {
        Parts {
            month: date.get_utc_month(),
            day: date.get_utc_date(),
            hour: date.get_utc_hours(),
            minute: date.get_utc_minutes(),
        }
    } else {
        Parts {
            month: date.get_month(),
            day: date.get_date(),
            hour: date.get_hours(),
            minute: date.get_minutes(),
        }
    }
}

/// "Nov 3 14:05" (or "Nov 3" when buckets are whole days), local time or UTC.
pub fn label(seconds: i64, bucket_seconds: i64, utc: bool) -> String {
    let p = parts(seconds, utc);
    let month = MONTHS.get(p.month as usize).copied().unwrap_or("?");
    if bucket_seconds >= 86_400 {
        format!("{month} {}", p.day)
    } else {
        format!("{month} {} {:02}:{:02}", p.day, p.hour, p.minute)
    }
}

/// "Nov 3 14:00 – 14:15" for the range `start..end`, local time or UTC.
pub fn span(start: i64, end: i64, bucket_seconds: i64, utc: bool) -> String {
    let (a, b) = (parts(start, utc), parts(end, utc));
    if bucket_seconds < 86_400 && (a.month, a.day) == (b.month, b.day) {
        format!(
            "{} – {:02}:{:02}",
            label(start, bucket_seconds, utc),
            b.hour,
            b.minute
        )
    } else {
        format!(
            "{} – {}",
            label(start, bucket_seconds, utc),
            label(end, bucket_seconds, utc)
        )
    }
}

/// The browser's time zone name ("Europe/Paris"), else its UTC offset ("UTC+01:00").
pub fn zone_name() -> String {
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    js_sys::Reflect::get(&options, &JsValue::from_str("timeZone"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| {
            let minutes = -(Date::new_0().get_timezone_offset() as i64);
            let sign = if minutes < 0 { '-' } else { '+' };
            format!(
                "UTC{sign}{:02}:{:02}",
                minutes.abs() / 60,
                minutes.abs() % 60
            )
        })
}
