"""Personal data under 152-FZ: the retention purge, people's requests (subject access and erasure).

home never imports the apps that hold applications. A model takes part by declaring `holds_personal_data`
and the small protocol described in home/privacy/holders.py; the models are found with apps.get_models().
"""
