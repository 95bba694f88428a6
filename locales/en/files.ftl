## Files and pictures sent as links (Zalo) or saved to a folder (console)
file-link = Download { $name }: { $url }
    (This link is for you alone and works for 24 hours.)
file-link-photo = View the chart: { $url }
    (This link works for 24 hours.)
file-saved = File saved to: { $path }
file-page-title = Party cell assistant
file-page-expired = This download link has expired (links work for 24 hours). Send the command again in the chat to get a new link.
file-page-unknown = File not found. The link may have been copied incompletely; open the link from the message again, or send the command again in the chat for a new one.
