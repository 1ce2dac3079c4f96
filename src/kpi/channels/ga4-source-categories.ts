// Excerpts of the source categories GA4's default channel group rules refer to ("Source matches a list of search sites", ...).

/**
 * Google publishes these lists as a spreadsheet linked from "[GA4] Default channel group"
 * (support.google.com/analytics/answer/9756891); each holds hundreds of domains. These are the sources
 * most exports show, by their bare name and their domains. A source in none of them falls through to the
 * rules that look at the medium alone, as it would in GA4 for a site Google has not classified.
 */
export const SEARCH_SOURCES: readonly string[] = [
  "google", "google.com", "www.google.com", "bing", "bing.com", "www.bing.com", "cn.bing.com", "yahoo", "yahoo.com", "search.yahoo.com",
  "yahoo.co.jp", "search.yahoo.co.jp", "duckduckgo", "duckduckgo.com", "baidu", "baidu.com", "m.baidu.com", "yandex", "yandex.ru", "yandex.com",
  "ecosia.org", "ecosia", "naver", "naver.com", "m.search.naver.com", "search.naver.com", "ask", "ask.com", "aol", "aol.com", "search.aol.com",
  "seznam", "seznam.cz", "qwant", "qwant.com", "startpage", "startpage.com", "sogou", "sogou.com", "so.com", "daum", "daum.net", "search.daum.net",
  "search.brave.com", "brave", "mail.ru", "go.mail.ru", "coccoc", "coccoc.com", "yahoo.cn", "msn", "msn.com", "avg", "avg.com", "dogpile",
];

export const SOCIAL_SOURCES: readonly string[] = [
  "facebook", "facebook.com", "m.facebook.com", "l.facebook.com", "lm.facebook.com", "web.facebook.com", "fb", "instagram", "instagram.com",
  "l.instagram.com", "ig", "linkedin", "linkedin.com", "lnkd.in", "twitter", "twitter.com", "t.co", "x.com", "tiktok", "tiktok.com", "pinterest",
  "pinterest.com", "reddit", "reddit.com", "old.reddit.com", "snapchat", "snapchat.com", "quora", "quora.com", "threads.net", "tumblr",
  "tumblr.com", "vk.com", "weibo", "weibo.com", "wechat", "whatsapp", "whatsapp.com", "messenger", "messenger.com", "discord", "discord.com",
  "meetup", "meetup.com", "xing", "xing.com", "line", "line.me", "telegram", "t.me", "mastodon", "bsky.app", "yammer", "yammer.com",
];

export const VIDEO_SOURCES: readonly string[] = [
  "youtube", "youtube.com", "m.youtube.com", "youtu.be", "vimeo", "vimeo.com", "twitch", "twitch.tv", "dailymotion", "dailymotion.com",
  "wistia", "wistia.com", "netflix", "netflix.com", "hulu", "hulu.com",
];

export const SHOPPING_SOURCES: readonly string[] = [
  "amazon", "amazon.com", "amazon.de", "amazon.co.uk", "amazon.fr", "amazon.es", "amazon.it", "ebay", "ebay.com", "ebay.de", "ebay.co.uk",
  "etsy", "etsy.com", "walmart", "walmart.com", "shopify", "shopify.com", "shopping.google.com", "google shopping", "igshopping",
  "aliexpress", "aliexpress.com", "alibaba", "alibaba.com", "mercadolibre", "mercadolibre.com", "rakuten", "rakuten.co.jp", "shopee",
  "tokopedia", "lazada", "zalando", "target.com", "bestbuy.com", "otto.de", "bol.com",
];
