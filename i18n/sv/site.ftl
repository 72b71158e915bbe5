# Styrgruppens webbplats (`plan site`): sidtitlar, navigering, rubriker,
# tabellhuvuden och statusord. Svenska.

site-nav-index = Översikt
site-index-title = Förvaltningsplaner { $year }
